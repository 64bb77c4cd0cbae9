package io.skysentinel.source.replay;

import static io.skysentinel.source.replay.ReplayFixtures.T1;
import static io.skysentinel.source.replay.ReplayFixtures.T2;
import static io.skysentinel.source.replay.ReplayFixtures.T3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.testing.RecordingBus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingBus bus = new RecordingBus(1_000);
    private ReplaySource source;

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        if (source != null) source.stop();
    }

    private ReplaySource start(Path file, double speed) {
        source = new ReplaySource(new ReplayProperties(file, speed, false), bus, meters, clock);
        source.start();
        return source;
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void speedZeroPublishesEveryFrameInOrderOnTheRecordingsClock() {
        ReplaySource replay = start(ReplayFixtures.small(), 0);
        await().atMost(BOUND).until(() -> replay.health().detail().startsWith("finished"));

        List<SourceBatch> batches = bus.batches();
        assertThat(batches).extracting(SourceBatch::observedAtMs).containsExactly(T1 * 1000, T2 * 1000, T3 * 1000);
        assertThat(batches).extracting(b -> b.aircraft().size()).containsExactly(2, 2, 1);
        for (SourceBatch b : batches) {
            assertThat(b.source()).isEqualTo("replay");
            // wall now − recording time: the hub then sees the data as exactly as old as it was when recorded
            assertThat(b.clockOffsetMs()).isEqualTo(NOW.toEpochMilli() - b.observedAtMs());
            assertThat(b.aircraft()).allSatisfy(a -> assertThat(a.source()).isEqualTo("replay"));
        }
        assertThat(counter("skysentinel.replay.frames")).isEqualTo(3);
        assertThat(counter("skysentinel.source.parse.errors", "source", "replay", "kind", "body"))
                .isEqualTo(1);
        assertThat(counter("skysentinel.source.parse.errors", "source", "replay", "kind", "row"))
                .isEqualTo(1);
        SourceHealth health = replay.health();
        assertThat(health.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(health.detail())
                .isEqualTo("finished: 3 frames replayed, last recording time " + Instant.ofEpochSecond(T3)
                        + ", 1 malformed lines skipped");
        assertThat(health.lastSuccess()).isEqualTo(NOW);
    }

    @Test
    void missingFileIsDownWithAClearMessageAndStartsNoThread() {
        Path missing = tmp.resolve("nope.jsonl");
        ReplaySource replay = start(missing, 1.0);
        SourceHealth health = replay.health();
        assertThat(health.state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(health.detail()).contains("not found").contains(missing.toString());
        assertThat(health.lastError()).isEqualTo(NOW);
        assertThat(replayThreadAlive()).isFalse();
        assertThat(bus.attempts()).isZero();
    }

    @Test
    void noFileConfiguredIsDownNamingTheSetting() {
        ReplaySource replay = start(null, 1.0);
        assertThat(replay.health().state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(replay.health().detail()).contains("skysentinel.replay.file");
    }

    /** Frame 1, a malformed line, then a frame an hour later: the source waits, degraded, and stop() ends it. */
    @Test
    void pacedReplayWaitsForTheNextFrameAndStopInterruptsTheWait() throws IOException {
        Path file = ReplayFixtures.write(
                tmp,
                "hour.jsonl",
                ReplayFixtures.body(T1, "abcdef"),
                "{\"time\":",
                ReplayFixtures.body(T1 + 3600, "abcdef"));
        ReplaySource replay = start(file, 1.0);
        await().atMost(BOUND).until(() -> replay.health().nextPoll() != null);

        SourceHealth waiting = replay.health();
        assertThat(bus.batches()).hasSize(1);
        assertThat(waiting.nextPoll()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(waiting.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(waiting.detail())
                .startsWith("frame 1, recording time " + Instant.ofEpochSecond(T1) + ", speed 1.0")
                .contains("line 2");

        replay.stop();
        assertThat(replayThreadAlive()).isFalse();
        assertThat(replay.health().detail()).isEqualTo("stopped after 1 frames");
        assertThat(bus.batches()).hasSize(1);
    }

    /** A Kafka ingest instance that lost the leadership and is elected again restarts the replay from its start. */
    @Test
    void aStoppedReplayStartsAgainFromTheBeginning() throws IOException {
        Path file = ReplayFixtures.write(
                tmp, "hour.jsonl", ReplayFixtures.body(T1, "abcdef"), ReplayFixtures.body(T1 + 3600, "abcdef"));
        ReplaySource replay = start(file, 1.0);
        await().atMost(BOUND).until(() -> replay.health().nextPoll() != null);
        replay.stop();
        replay.start();
        await().atMost(BOUND)
                .until(() -> bus.batches().size() == 2 && replay.health().nextPoll() != null);
        assertThat(bus.batches()).extracting(SourceBatch::observedAtMs).containsExactly(T1 * 1000, T1 * 1000);
        assertThat(replay.health().state()).isEqualTo(SourceHealth.State.UP);
    }

    private static boolean replayThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("replay-source") && t.isAlive());
    }
}
