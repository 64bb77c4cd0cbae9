package io.skysentinel.source.opensky;

import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenSky {@code /states/all} bodies for {@link SameRuleForTheSameDataTest}: real ones from the shared data folder
 * (null when it is absent, so the caller can skip), bodies rebuilt from the recorded Switzerland polls, and time
 * shifting (what a replay does to a looped pass).
 */
final class StatesBodies {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** OpenSky lists a state for up to about 300 s after its last contact; rebuilt bodies do the same. */
    static final long LISTED_FOR_S = 300;

    private StatesBodies() {}

    /** The shared OpenSky folder, or null when absent (or when one of the files is missing). */
    static Path sharedData(String... files) {
        return SharedData.dirWith("opensky", java.util.List.of(files));
    }

    /** The files' bodies, each on one line as a recording holds it. */
    static List<String> read(Path dir, String... files) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (String f : files) {
            String body = Files.readString(dir.resolve(f), StandardCharsets.UTF_8);
            bodies.add(body.replace('\n', ' ').replace('\r', ' '));
        }
        return bodies;
    }

    /** A recording: one body per line, as BodyRecorder writes it and the replay source reads it. */
    static Path recording(Path dir, List<String> bodies) throws IOException {
        return Files.write(dir.resolve("recording.jsonl"), bodies, StandardCharsets.UTF_8);
    }

    /** One 17-column row: the fields the hub's rules look at, the rest plausible. */
    static String row(String icao24, Long timePosition, long lastContact, double lat, double lon) {
        return "[\"" + icao24 + "\",\"TST1    \",\"Switzerland\"," + timePosition + "," + lastContact + "," + lon + ","
                + lat + ",10000.0,false,220.0,90.0,0.0,null,10100.0,\"1000\",false,0]";
    }

    static String body(long time, List<String> rows) {
        return "{\"time\":" + time + ",\"states\":[" + String.join(",", rows) + "]}";
    }

    /** The body with its time and every state's time_position and last_contact moved by {@code shiftS}. */
    static String shifted(String body, long shiftS) {
        ObjectNode b = (ObjectNode) JSON.readTree(body);
        b.put("time", b.get("time").asLong() + shiftS);
        JsonNode states = b.get("states");
        if (states != null && states.isArray()) {
            for (JsonNode s : states) {
                ArrayNode row = (ArrayNode) s;
                if (!row.get(3).isNull()) row.set(3, row.get(3).asLong() + shiftS);
                row.set(4, row.get(4).asLong() + shiftS);
            }
        }
        return JSON.writeValueAsString(b);
    }

    /**
     * Bodies every {@code stepS} seconds rebuilt from polls-switzerland-20250909-reduced.json (records of repeated
     * polls of one box, not grouped into bodies): each lists, per aircraft, its latest record by then, for as long as
     * OpenSky would list it. So aircraft that stop reporting go on being listed with an ageing last contact.
     */
    static List<String> switzerland(Path file, long stepS) throws IOException {
        Map<String, TreeMap<Long, JsonNode>> byAircraft = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JsonNode r : JSON.readTree(file.toFile())) {
            long contact = r.get("last_contact").asLong();
            byAircraft
                    .computeIfAbsent(r.get("icao24").asString(), k -> new TreeMap<>())
                    .put(contact, r);
            first = Math.min(first, contact);
            last = Math.max(last, contact);
        }
        List<String> bodies = new ArrayList<>();
        for (long t = first; t <= last; t += stepS) {
            List<String> rows = new ArrayList<>();
            for (Map.Entry<String, TreeMap<Long, JsonNode>> a : byAircraft.entrySet()) {
                Map.Entry<Long, JsonNode> latest = a.getValue().floorEntry(t);
                if (latest == null || t - latest.getKey() > LISTED_FOR_S) continue;
                JsonNode r = latest.getValue();
                Long position = r.get("time_position").isNull()
                        ? null
                        : r.get("time_position").asLong();
                rows.add(row(
                        a.getKey(),
                        position,
                        latest.getKey(),
                        r.get("lat").asDouble(),
                        r.get("lon").asDouble()));
            }
            bodies.add(body(t, rows));
        }
        return bodies;
    }
}
