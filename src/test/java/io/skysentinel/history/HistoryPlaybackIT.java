package io.skysentinel.history;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * /ws/playback on the real server: stored positions come back as snapshot/delta frames (aircraft going stale are
 * removed on history's clock), stored events as event frames, progress as playback frames. Same configuration as
 * HistoryApiIT, so the two share one application context.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=10", "skysentinel.history.flush-interval=100ms"
        })
class HistoryPlaybackIT {

    /** Three hours ago, on a whole minute. */
    static final long T1 = (System.currentTimeMillis() / 60_000 - 180) * 60_000;

    static boolean fed;

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    AnalyticsRecorder analytics;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void feedOnce() throws InterruptedException {
        if (fed) return;
        // The test JVM's database (target/it-pg) outlives runs: clear this test's fixture rows from earlier ones.
        jdbc.update("DELETE FROM positions WHERE id IN ('e20001','e20002')");
        jdbc.update("DELETE FROM events WHERE id IN ('e20001','e20002')");
        for (int s = 0; s <= 5; s++) {
            long t = T1 + s * 10_000L;
            List<io.skysentinel.core.Aircraft> batch = new ArrayList<>();
            batch.add(plane("e20001")
                    .from("fixture")
                    .at(30.0, 30.0 + s * 0.01)
                    .alt(9000)
                    .seen(t / 1000)
                    .build());
            if (s <= 1)
                batch.add(plane("e20002")
                        .from("fixture")
                        .at(31.0, 31.0)
                        .alt(5000)
                        .seen(t / 1000)
                        .build());
            bus.publish(SourceBatch.replayed("fixture", t, System.currentTimeMillis() - t, batch));
        }
        analytics.onEvent(new AnomalyEvent(
                "squawk_7700", T1 + 30_000, "e20001", null, 30.0, 30.03, 9000, Map.of("squawk", "7700")));
        new HttpJson(port)
                .await(
                        "/api/events?from=" + T1 + "&to=" + (T1 + 60_000),
                        r -> r.json().get("count").asInt() == 1,
                        Duration.ofSeconds(20));
        new HttpJson(port)
                .await(
                        "/api/flights/e20001/track?from=" + T1 + "&to=" + (T1 + 60_000),
                        r -> r.json().get("count").asInt() == 6,
                        Duration.ofSeconds(20));
        fed = true;
    }

    @Test
    void playbackReplaysPositionsAsSnapshotAndDeltasWithEventsAndProgress() throws InterruptedException {
        try (WsTestClient ws = new WsTestClient(url("from=" + (T1 + 5_000) + "&to=" + (T1 + 90_000) + "&speed=50"))) {
            JsonNode snapshot = ws.next(Duration.ofSeconds(10));
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(ids(snapshot.get("aircraft"))).contains("e20001", "e20002");

            List<JsonNode> frames = ws.until(
                    f -> f.get("type").asString().equals("playback")
                            && f.get("state").asString().equals("finished"),
                    Duration.ofSeconds(30));
            List<String> removed = new ArrayList<>();
            List<Double> lons = new ArrayList<>();
            for (JsonNode f : frames) {
                if (!f.get("type").asString().equals("delta")) continue;
                f.get("removals").forEach(r -> removed.add(r.asString()));
                for (JsonNode a : f.get("upserts"))
                    if (a.get("id").asString().equals("e20001"))
                        lons.add(a.get("position").get("lon").asDouble());
            }
            // Stored states in history order. A delta carries each aircraft's latest state, so two states falling in
            // one tick (10 s of history at speed 50, more when the machine is busy) show as one: not all five need
            // appear.
            assertThat(lons)
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .hasSizeGreaterThanOrEqualTo(3)
                    .endsWith(30.05);
            assertThat(lons).isSubsetOf(30.01, 30.02, 30.03, 30.04, 30.05);
            assertThat(removed).containsExactly("e20002"); // last seen T1+10 s: stale after the 60 s window
            JsonNode event = frames.stream()
                    .filter(f -> f.get("type").asString().equals("event"))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.get("event").get("kind").asString()).isEqualTo("squawk_7700");
            assertThat(event.get("event").get("time").asLong()).isEqualTo(T1 + 30_000);
            assertThat(event.get("event").get("callsign").isNull()).isTrue();
            JsonNode finished = frames.getLast();
            assertThat(finished.get("at").asLong()).isEqualTo(T1 + 90_000);
            assertThat(finished.get("speed").asDouble()).isEqualTo(50.0);
            assertThat(frames)
                    .anyMatch(f -> f.get("type").asString().equals("playback")
                            && f.get("state").asString().equals("playing"));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"&format=msgpack", "&format=msgpack&compress=deflate"})
    void messagePackPlaybackHasTheSameFrames(String format) throws InterruptedException {
        try (WsTestClient ws =
                new WsTestClient(url("from=" + iso(T1 + 5_000) + "&to=" + iso(T1 + 20_000) + "&speed=100" + format))) {
            JsonNode snapshot = ws.next(Duration.ofSeconds(10));
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(ids(snapshot.get("aircraft"))).contains("e20001");
            List<JsonNode> frames = ws.until(
                    f -> f.get("type").asString().equals("playback")
                            && f.get("state").asString().equals("finished"),
                    Duration.ofSeconds(30));
            assertThat(frames.getLast().get("from").asLong()).isEqualTo(T1 + 5_000);
        }
    }

    @Test
    void badQueryParametersAreRefusedBeforeTheUpgrade() {
        HttpJson http = new HttpJson(port);
        problem(http, "/ws/playback?to=" + T1, "from");
        problem(http, "/ws/playback?from=" + T1 + "&to=soon", "to");
        problem(http, "/ws/playback?from=" + T1 + "&to=" + T1, "from");
        problem(http, "/ws/playback?from=" + T1 + "&to=" + (T1 + 1000) + "&speed=0", "speed");
        problem(http, "/ws/playback?from=" + T1 + "&to=" + (T1 + 1000) + "&format=xml", "format");
        problem(http, "/ws/playback?from=" + T1 + "&to=" + (T1 + 1000) + "&compress=zip", "compress");
    }

    /** The refusal before the upgrade is the REST API's problem, field for field: one builder, one mapper. */
    @Test
    void aRefusedPlaybackHasTheProblemShapeOfTheRestApi() {
        HttpJson http = new HttpJson(port);
        // The same parameter with the same bad value: /api/events and /ws/playback parse 'from' alike.
        HttpJson.Response rest = http.get("/api/events?from=soon");
        HttpJson.Response playback = http.get("/ws/playback?from=soon&to=" + T1);
        assertThat(playback.status()).isEqualTo(rest.status()).isEqualTo(400);
        assertThat(playback.contentType()).isEqualTo(rest.contentType());
        JsonNode r = rest.json(), p = playback.json();
        // In the same order too (the mapper's, alphabetical for ProblemDetail's own fields; the hand-built map had
        // type first, so the two bodies differed byte for byte).
        assertThat(fieldNames(p))
                .isEqualTo(fieldNames(r))
                .containsExactlyInAnyOrder(
                        "type", "title", "status", "detail", "instance", "parameter", "invalid_params");
        for (String field : List.of("type", "title", "status", "detail", "parameter", "invalid_params"))
            assertThat(p.get(field)).as(field).isEqualTo(r.get(field));
        assertThat(r.get("instance").asString()).isEqualTo("/api/events");
        assertThat(p.get("instance").asString()).isEqualTo("/ws/playback");
        assertThat(p.get("invalid_params").get(0).get("name").asString()).isEqualTo("from");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.propertyNames().forEach(names::add);
        return names;
    }

    private static void problem(HttpJson http, String path, String parameter) {
        HttpJson.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        assertThat(r.json().get("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private String url(String query) {
        return "ws://localhost:" + port + "/ws/playback?" + query;
    }

    private static List<String> ids(JsonNode aircraft) {
        List<String> ids = new ArrayList<>();
        aircraft.forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }

    private static String iso(long ms) {
        return java.time.Instant.ofEpochMilli(ms).toString();
    }
}
