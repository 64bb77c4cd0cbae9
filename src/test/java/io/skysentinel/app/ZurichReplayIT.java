package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Movement;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.ZurichRecording;
import io.skysentinel.testing.ZurichRecording.Row;
import io.skysentinel.testing.ZurichRecording.Transition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance run: a recorded day at Zurich, turned into OpenSky bodies, replayed at full speed
 * (REPLAY_SPEED=0) through the real application with history and analytics on. Every accepted state reaches the
 * detectors and the database, so the movements are exactly the ones the recording's ground flags imply (4 arrivals,
 * 5 departures) and each flight's stored track has every second of it — as a real-time replay would give. Sampling
 * the hub, as history and analytics used to, found 1 of the 9. Skipped when ../shared/data is absent.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=replay", "skysentinel.replay.speed=0", "skysentinel.replay.loop=false"})
class ZurichReplayIT {

    static final Duration WAIT = Duration.ofSeconds(90);
    static Map<String, List<Row>> flights;
    static Path replay, pgDir;

    @LocalServerPort
    int port;

    /** Runs before the application starts (Spring starts it for the first test), so the file is there for it. */
    @BeforeAll
    static void recording() throws IOException {
        Path file = ZurichRecording.file();
        assumeTrue(file != null, "Zurich recording (../shared/data/opensky) is absent");
        flights = ZurichRecording.flights(file);
        Files.createDirectories(Path.of("target"));
        replay = Files.createTempFile(Path.of("target").toAbsolutePath(), "zurich-", ".jsonl");
        ZurichRecording.writeReplay(flights, replay);
        // its own database: this run's rows and nothing else
        pgDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-zurich-");
    }

    @DynamicPropertySource
    static void replayFile(DynamicPropertyRegistry registry) {
        registry.add("skysentinel.replay.file", () -> replay.toString());
        registry.add("skysentinel.history.pg-dir", () -> pgDir.toString());
    }

    @Test
    void everyMovementAndEverySecondOfEveryTrackIsStored() throws InterruptedException {
        HttpJson http = new HttpJson(port);
        List<Transition> expected = new ArrayList<>();
        flights.forEach((id, rows) -> expected.addAll(ZurichRecording.expected(id, rows)));
        assertThat(expected).filteredOn(t -> t.kind() == Movement.Kind.ARRIVAL).hasSize(4);
        assertThat(expected)
                .filteredOn(t -> t.kind() == Movement.Kind.DEPARTURE)
                .hasSize(5);

        for (Map.Entry<String, List<Row>> f : flights.entrySet()) {
            List<Row> rows = f.getValue();
            Set<Long> seconds = new TreeSet<>();
            rows.forEach(r -> seconds.add(r.timeMs() / 1000));
            long from = rows.getFirst().timeMs() / 1000 * 1000,
                    to = rows.getLast().timeMs() / 1000 * 1000;
            String path = "/api/flights/" + f.getKey() + "/track?limit=100000&from=" + from + "&to=" + to;
            JsonNode track = http.await(
                            path,
                            r -> r.status() == 200 && r.json().get("count").asInt() >= seconds.size(),
                            WAIT)
                    .json();
            assertThat(track.get("count").asInt())
                    .as("stored track of %s", f.getKey())
                    .isEqualTo(seconds.size());
            List<Long> stored = new ArrayList<>();
            track.get("points").forEach(p -> stored.add(p.get("time_ms").asLong() / 1000));
            assertThat(stored).as("every second, in time order").containsExactlyElementsOf(seconds);
        }

        List<JsonNode> movements = new ArrayList<>();
        for (Map.Entry<String, List<Row>> f : flights.entrySet()) {
            long from = f.getValue().getFirst().timeMs() - 60_000,
                    to = f.getValue().getLast().timeMs() + 600_000;
            String path = "/api/traffic/movements/LSZH?from=" + from + "&to=" + to;
            long want =
                    expected.stream().filter(t -> t.icao24().equals(f.getKey())).count();
            JsonNode m = http.await(path, r -> count(r.json(), f.getKey()) >= want, WAIT)
                    .json();
            m.get("movements").forEach(x -> {
                if (x.get("id").asString().equals(f.getKey())) movements.add(x);
            });
        }
        assertThat(movements).hasSameSizeAs(expected);
        for (Transition t : expected) {
            assertThat(movements).as("movement %s", t).anySatisfy(m -> {
                assertThat(m.get("id").asString()).isEqualTo(t.icao24());
                assertThat(m.get("kind").asString()).isEqualTo(t.kind().name().toLowerCase());
                assertThat(Math.abs(m.get("time_ms").asLong() - t.timeMs())).isLessThanOrEqualTo(15_000);
            });
        }
    }

    private static long count(JsonNode movements, String id) {
        long n = 0;
        for (JsonNode m : movements.get("movements")) if (m.get("id").asString().equals(id)) n++;
        return n;
    }
}
