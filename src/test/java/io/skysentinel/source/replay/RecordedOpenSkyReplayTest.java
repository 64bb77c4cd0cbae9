package io.skysentinel.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.testing.RecordingBus;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays three consecutive real OpenSky polls of the LA area (2021-03-07, +299 s, +1109 s). The files live in the
 * shared data folder, outside the repository; the recording is assembled in a temporary directory.
 */
class RecordedOpenSkyReplayTest {

    private static final List<String> POLLS =
            List.of("states-lax-20210307-01.json", "states-lax-20210307-02.json", "states-lax-20210307-03.json");
    private static final long[] TIMES = {1615108010, 1615108309, 1615109119};

    @TempDir
    Path tmp;

    private static Path sharedData() {
        return SharedData.dirWith("opensky", POLLS);
    }

    /** One body per line, as the recorder writes them. */
    private Path recording() throws IOException {
        Path dir = sharedData();
        Assumptions.assumeTrue(dir != null, "shared OpenSky data folder (../shared/data/opensky) is absent");
        List<String> lines = new ArrayList<>();
        for (String poll : POLLS) {
            lines.add(Files.readString(dir.resolve(poll), StandardCharsets.UTF_8)
                    .replace('\n', ' ')
                    .replace('\r', ' '));
        }
        return Files.write(tmp.resolve("lax.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void realPollsReplayAtSpeedZeroAsThreeBatches() throws IOException {
        Instant now = Instant.parse("2026-01-15T12:00:00Z");
        RecordingBus bus = new RecordingBus(100);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReplaySource replay = new ReplaySource(
                new ReplayProperties(recording(), 0, false), bus, meters, Clock.fixed(now, ZoneOffset.UTC));
        try {
            replay.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> replay.health().detail().startsWith("finished"));
        } finally {
            replay.stop();
        }

        List<SourceBatch> batches = bus.batches();
        assertThat(batches)
                .extracting(SourceBatch::observedAtMs)
                .containsExactly(TIMES[0] * 1000, TIMES[1] * 1000, TIMES[2] * 1000);
        assertThat(batches).extracting(b -> b.aircraft().size()).containsExactly(2, 2, 1);
        assertThat(batches)
                .allSatisfy(b -> assertThat(b.clockOffsetMs()).isEqualTo(now.toEpochMilli() - b.observedAtMs()));
        Aircraft iberia1 = find(batches.get(0), "34520b"), iberia2 = find(batches.get(1), "34520b");
        assertThat(iberia1.callsign()).isEqualTo("IBE6177");
        assertThat(iberia1.onGround()).isTrue();
        assertThat(iberia1.velocityMps()).isEqualTo(42.18);
        assertThat(iberia2.velocityMps()).isEqualTo(2.31);
        assertThat(find(batches.get(2), "a68dee").callsign()).isEqualTo("PD55");
        assertThat(meters.get("skysentinel.source.parse.errors")
                        .tags("kind", "body")
                        .counter()
                        .count())
                .isZero();
        assertThat(meters.get("skysentinel.source.parse.errors")
                        .tags("kind", "row")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void realPollsLoopWithMonotonicTimes() throws IOException {
        List<ReplayLine.Frame> frames = new ArrayList<>();
        try (ReplayReader reader = ReplayReader.open(recording(), true, new StateVectorParser())) {
            while (frames.size() < 9) frames.add((ReplayLine.Frame) reader.next());
        }
        long span = TIMES[2] - TIMES[0]; // 1,109 s
        long shift = span + Math.round(span / 2.0); // + mean gap 554.5 s, rounded
        assertThat(frames.get(3).timeMs()).isEqualTo((TIMES[0] + shift) * 1000);
        assertThat(frames.get(8).timeMs()).isEqualTo((TIMES[2] + 2 * shift) * 1000);
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).timeMs()).isGreaterThan(frames.get(i - 1).timeMs());
            for (Aircraft a : frames.get(i).aircraft()) {
                assertThat(a.lastContactUnix() * 1000)
                        .isLessThanOrEqualTo(frames.get(i).timeMs());
            }
        }
    }

    private static Aircraft find(SourceBatch batch, String icao24) {
        return batch.aircraft().stream()
                .filter(a -> a.icao24().equals(icao24))
                .findFirst()
                .orElseThrow();
    }
}
