package io.skysentinel.source.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceHealth;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayStatusTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final ReplayLine.Frame FRAME = new ReplayLine.Frame(
            1,
            0,
            1,
            1_615_108_010_000L,
            List.of(Aircraft.adsb("a715c0", "replay").build()),
            0,
            List.of());

    @Test
    void notStartedIsDown() {
        assertThat(new ReplayStatus(1).toHealth("replay", NOW).state()).isEqualTo(SourceHealth.State.DOWN);
    }

    @Test
    void playingReportsFrameRecordingTimeAndSpeed() {
        ReplayStatus status = new ReplayStatus(2.0);
        status.playing();
        assertThat(status.toHealth("replay", NOW).detail()).isEqualTo("starting, speed 2.0");
        status.published(FRAME, NOW);
        SourceHealth health = status.toHealth("replay", NOW);
        assertThat(health.state()).isEqualTo(SourceHealth.State.UP);
        assertThat(health.detail()).isEqualTo("frame 1, recording time 2021-03-07T09:06:50Z, speed 2.0");
        assertThat(health.lastSuccess()).isEqualTo(NOW);
        assertThat(health.lastBatchSize()).isEqualTo(1);
        assertThat(health.mode()).isEqualTo("replay");
    }

    @Test
    void aMalformedLineDegradesHealthForAMinute() {
        ReplayStatus status = new ReplayStatus(1.0);
        status.playing();
        status.published(FRAME, NOW);
        status.malformed(new ReplayLine.Malformed(0, 7, "truncated inside a row"), NOW);

        SourceHealth soon = status.toHealth("replay", NOW.plusSeconds(59));
        assertThat(soon.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(soon.detail())
                .contains("frame 1")
                .contains("line 7: truncated inside a row")
                .contains("1 so far");
        assertThat(status.toHealth("replay", NOW.plusSeconds(61)).state()).isEqualTo(SourceHealth.State.UP);
    }

    @Test
    void failureIsDownBeforeAnyFrameAndDegradedAfter() {
        ReplayStatus none = new ReplayStatus(1.0);
        none.failed("replay file not found or not readable: /x.jsonl", NOW);
        SourceHealth down = none.toHealth("replay", NOW);
        assertThat(down.state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(down.detail()).contains("/x.jsonl");
        assertThat(down.lastError()).isEqualTo(NOW);

        ReplayStatus some = new ReplayStatus(1.0);
        some.playing();
        some.published(FRAME, NOW);
        some.failed("replay stopped: cannot read", NOW);
        assertThat(some.toHealth("replay", NOW).state()).isEqualTo(SourceHealth.State.DEGRADED);
        some.stopped();
        assertThat(some.toHealth("replay", NOW).detail())
                .as("stop keeps the failure")
                .contains("cannot read");
    }

    @Test
    void finishedAndStoppedSayWhatHappened() {
        ReplayStatus status = new ReplayStatus(0);
        status.playing();
        status.published(FRAME, NOW);
        status.malformed(new ReplayLine.Malformed(0, 2, "bad"), NOW);
        status.finished();
        SourceHealth finished = status.toHealth("replay", NOW);
        assertThat(finished.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(finished.detail())
                .isEqualTo("finished: 1 frames replayed, last recording time 2021-03-07T09:06:50Z, 1 malformed lines "
                        + "skipped");
        assertThat(finished.nextPoll()).isNull();
        status.stopped();
        assertThat(status.toHealth("replay", NOW).state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(status.toHealth("replay", NOW).detail()).isEqualTo("stopped after 1 frames");
    }
}
