package io.skysentinel.analytics.movements;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Movement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Movement detection on real data: ten flights recorded at Zurich (LSZH) at about 1 s resolution, with landings,
 * take-offs, taxiing and towing, and real glitches (flags flipping for a second or two, airborne flags at 36,000 ft
 * on the apron, ground flags at cruise altitude). Skipped when ../shared/data is absent.
 *
 * <p>The expected movements are derived from the on-ground flags alone, independently of the detector: a flight's
 * flag runs that last at least {@value #ORACLE_RUN_S} s, plus its first and last run (the recording may start on final
 * or end in the climb), merged where neighbours agree; each change between them is a movement.
 */
class ZurichRecordingMovementsTest {

    static final long ORACLE_RUN_S = 30;
    static final List<String> LSZH_RUNWAYS = List.of("10", "28", "14", "32", "16", "34");

    record Row(String icao24, String callsign, long timeMs, double lat, double lon, Double altitudeFt, boolean onGround,
               Double speedKt, Double track, Double verticalRateFpm) { }

    record Transition(String icao24, long timeMs, Movement.Kind kind) { }

    static Map<String, List<Row>> flights;

    @BeforeAll
    static void load() {
        Path file = Stream.of(Path.of("..", "shared", "data", "opensky", "trajectories-zurich-airport-2019-onground-traffic.json"),
                        Path.of("/work/shared/data/opensky/trajectories-zurich-airport-2019-onground-traffic.json"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(file != null, "Zurich recording (../shared/data/opensky) is absent");
        flights = new LinkedHashMap<>();
        for (JsonNode n : JsonMapper.builder().build().readTree(file.toFile())) {
            Row r = new Row(n.get("icao24").asString(), n.path("callsign").asString(null), n.get("timestamp").asLong(),
                    n.get("latitude").asDouble(), n.get("longitude").asDouble(), num(n, "altitude"),
                    n.get("onground").asBoolean(), num(n, "groundspeed"), num(n, "track"), num(n, "vertical_rate"));
            flights.computeIfAbsent(r.icao24(), k -> new ArrayList<>()).add(r);
        }
        flights.values().forEach(rows -> rows.sort(Comparator.comparingLong(Row::timeMs)));
    }

    static Double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    static Aircraft aircraft(Row r) {
        return Aircraft.adsb(r.icao24(), "recording").callsign(r.callsign()).position(r.lat(), r.lon())
                .altitudeM(r.altitudeFt() == null ? null : r.altitudeFt() * Geo.FEET).onGround(r.onGround())
                .velocityMps(r.speedKt() == null ? null : r.speedKt() * Geo.KNOT_MPS).headingDeg(r.track())
                .verticalRateMps(r.verticalRateFpm() == null ? null : r.verticalRateFpm() * Geo.FPM_MPS)
                .lastContactUnix(r.timeMs() / 1000).timePositionUnix(r.timeMs() / 1000).build();
    }

    /** The flag-run oracle described in the class comment. */
    static List<Transition> expected(String icao24, List<Row> rows) {
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
            boolean was = sustained.get(i - 1).getFirst().onGround(), is = sustained.get(i).getFirst().onGround();
            if (was != is) out.add(new Transition(icao24, sustained.get(i).getFirst().timeMs(),
                    is ? Movement.Kind.ARRIVAL : Movement.Kind.DEPARTURE));
        }
        return out;
    }

    @Test
    void theDetectorFindsTheMovementsTheGroundFlagsShowAndNoOthers() {
        Recorder r = new Recorder();
        List<Transition> expected = new ArrayList<>();
        flights.forEach((icao24, rows) -> {
            rows.forEach(row -> r.send(aircraft(row)));
            expected.addAll(expected(icao24, rows));
        });
        assertThat(expected).as("the recording has both kinds").extracting(Transition::kind)
                .contains(Movement.Kind.ARRIVAL, Movement.Kind.DEPARTURE);

        assertThat(r.movements).hasSameSizeAs(expected);
        for (Transition t : expected) {
            assertThat(r.movements).as("movement for %s", t)
                    .anySatisfy(m -> {
                        assertThat(m.id()).isEqualTo(t.icao24());
                        assertThat(m.kind()).isEqualTo(t.kind());
                        assertThat(Math.abs(m.timeMs() - t.timeMs())).isLessThanOrEqualTo(15_000);
                    });
        }
        assertThat(r.movements).allSatisfy(m -> assertThat(m.airportIcao()).isEqualTo("LSZH"));
    }

    @Test
    void runwaysAreZurichRunwaysPointingTheWayTheAircraftWent() {
        Recorder r = new Recorder();
        flights.values().forEach(rows -> rows.forEach(row -> r.send(aircraft(row))));
        assertThat(r.movements).isNotEmpty();
        long named = r.movements.stream().filter(m -> m.runway() != null).count();
        assertThat(named).as("runway known for most movements").isGreaterThanOrEqualTo(r.movements.size() - 1);
        assertThat(r.movements).allSatisfy(m -> {
            if (m.runway() != null) assertThat(m.runway()).isIn(LSZH_RUNWAYS);
        });
    }

    @Test
    void groundFlagsHighAboveTheFieldCreateNoMovement() {
        List<Row> glitches = flights.values().stream().flatMap(List::stream)
                .filter(r -> r.onGround() && r.altitudeFt() != null && r.altitudeFt() > 5_000).toList();
        assertThat(glitches).as("the recording's documented glitch rows").hasSize(51);
        Recorder withGlitches = new Recorder(), without = new Recorder();
        flights.values().forEach(rows -> rows.forEach(row -> {
            withGlitches.send(aircraft(row));
            if (!glitches.contains(row)) without.send(aircraft(row));
        }));
        assertThat(withGlitches.movements).isNotEmpty().isEqualTo(without.movements);
        for (Row g : glitches) {
            assertThat(withGlitches.movements).as("no movement at glitch %s", g)
                    .noneMatch(m -> m.id().equals(g.icao24()) && m.timeMs() == g.timeMs());
        }
    }

    @Test
    void ordinaryTrafficWithItsGlitchesRaisesNoAnomaly() {
        Recorder r = new Recorder();
        flights.values().forEach(rows -> rows.forEach(row -> r.send(aircraft(row))));
        // Altitudes jumping to 36,000 ft for a second, flags flipping, 1 s positions: none of it is an event.
        assertThat(r.events).isEmpty();
    }
}
