package io.skysentinel.testing;

import io.skysentinel.core.Movement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten flights recorded at Zurich (LSZH) at about 1 s resolution (../shared/data/opensky, SOURCES.md §3): landings,
 * take-offs, taxiing and towing, with real glitches. Loads the rows, turns them into OpenSky {@code /states/all}
 * bodies for the replay source, and derives the movements the on-ground flags imply, independently of the detector:
 * a flight's flag runs that last at least {@value #ORACLE_RUN_S} s, plus its first and last run (the recording may
 * start on final or end in the climb), merged where neighbours agree; each change between them is a movement.
 */
public final class ZurichRecording {

    public static final long ORACLE_RUN_S = 30;
    public static final double FEET = 0.3048;
    public static final double KNOT_MPS = 1852.0 / 3600.0;
    public static final double FPM_MPS = FEET / 60.0;

    public record Row(
            String icao24,
            String callsign,
            long timeMs,
            double lat,
            double lon,
            Double altitudeFt,
            boolean onGround,
            Double speedKt,
            Double track,
            Double verticalRateFpm) {}

    public record Transition(String icao24, long timeMs, Movement.Kind kind) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ZurichRecording() {}

    /** The recording's path, or null when ../shared/data is absent (a user's clone). */
    public static Path file() {
        return SharedData.file("opensky", "trajectories-zurich-airport-2019-onground-traffic.json");
    }

    /** Rows per flight (icao24), each flight's rows in time order. */
    public static Map<String, List<Row>> flights(Path file) {
        Map<String, List<Row>> flights = new LinkedHashMap<>();
        for (JsonNode n : JSON.readTree(file.toFile())) {
            Row r = new Row(
                    n.get("icao24").asString(),
                    n.path("callsign").asString(null),
                    n.get("timestamp").asLong(),
                    n.get("latitude").asDouble(),
                    n.get("longitude").asDouble(),
                    num(n, "altitude"),
                    n.get("onground").asBoolean(),
                    num(n, "groundspeed"),
                    num(n, "track"),
                    num(n, "vertical_rate"));
            flights.computeIfAbsent(r.icao24(), k -> new ArrayList<>()).add(r);
        }
        flights.values().forEach(rows -> rows.sort(Comparator.comparingLong(Row::timeMs)));
        return flights;
    }

    private static Double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    /** The flag-run oracle described in the class comment. */
    public static List<Transition> expected(String icao24, List<Row> rows) {
        List<List<Row>> runs = new ArrayList<>();
        for (Row r : rows) {
            if (runs.isEmpty() || runs.getLast().getFirst().onGround() != r.onGround()) runs.add(new ArrayList<>());
            runs.getLast().add(r);
        }
        List<List<Row>> sustained = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Row> run = runs.get(i);
            long lastedS = (run.getLast().timeMs() - run.getFirst().timeMs()) / 1000 + 1;
            if (i == 0 || i == runs.size() - 1 || lastedS >= ORACLE_RUN_S) sustained.add(run);
        }
        List<Transition> out = new ArrayList<>();
        for (int i = 1; i < sustained.size(); i++) {
            boolean was = sustained.get(i - 1).getFirst().onGround();
            boolean is = sustained.get(i).getFirst().onGround();
            if (was != is)
                out.add(new Transition(
                        icao24,
                        sustained.get(i).getFirst().timeMs(),
                        is ? Movement.Kind.ARRIVAL : Movement.Kind.DEPARTURE));
        }
        return out;
    }

    /**
     * Writes the recording as a replay file: one {@code /states/all} body per second of the recording, with every row
     * of that second (17-column state vectors; units converted to metres and m/s; no country, squawk or sensors).
     */
    public static void writeReplay(Map<String, List<Row>> flights, Path out) {
        TreeMap<Long, List<Row>> bySecond = new TreeMap<>();
        flights.values()
                .forEach(rows -> rows.forEach(r -> bySecond.computeIfAbsent(r.timeMs() / 1000, k -> new ArrayList<>())
                        .add(r)));
        try (Writer w = Files.newBufferedWriter(out)) {
            for (Map.Entry<Long, List<Row>> e : bySecond.entrySet()) {
                ObjectNode body = JSON.createObjectNode();
                body.put("time", e.getKey());
                ArrayNode states = body.putArray("states");
                for (Row r : e.getValue()) states.add(stateVector(r, e.getKey()));
                w.write(JSON.writeValueAsString(body));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode stateVector(Row r, long second) {
        ArrayNode s = JSON.createArrayNode();
        s.add(r.icao24());
        s.add(r.callsign() == null ? null : String.format("%-8s", r.callsign()));
        s.addNull(); // origin_country
        s.add(second); // time_position
        s.add(second); // last_contact
        s.add(r.lon());
        s.add(r.lat());
        addOrNull(s, r.altitudeFt(), FEET);
        s.add(r.onGround());
        addOrNull(s, r.speedKt(), KNOT_MPS);
        addOrNull(s, r.track(), 1);
        addOrNull(s, r.verticalRateFpm(), FPM_MPS);
        s.addNull(); // sensors
        s.addNull(); // geo_altitude
        s.addNull(); // squawk
        s.add(false); // spi
        s.add(0); // position_source: ADS-B
        return s;
    }

    private static void addOrNull(ArrayNode s, Double v, double factor) {
        if (v == null) s.addNull();
        else s.add(v * factor);
    }
}
