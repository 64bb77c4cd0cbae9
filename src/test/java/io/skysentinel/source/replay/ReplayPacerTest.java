package io.skysentinel.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ReplayPacerTest {

    private static final long REC = 1_615_108_010_000L, WALL = 1_768_478_400_000L;

    @Test
    void realTimeWaitsTheRecordedGapMinusTimeAlreadySpent() {
        ReplayPacer pacer = new ReplayPacer(1.0);
        assertThat(pacer.waitMillis(REC, WALL)).isZero();
        assertThat(pacer.waitMillis(REC + 10_000, WALL)).isEqualTo(10_000);
        assertThat(pacer.waitMillis(REC + 10_000, WALL + 1_500)).isEqualTo(8_500);
        assertThat(pacer.waitMillis(REC + 299_000, WALL + 10_000)).isEqualTo(289_000);
    }

    @Test
    void speedDividesTheGaps() {
        ReplayPacer twice = new ReplayPacer(2.0), half = new ReplayPacer(0.5);
        twice.waitMillis(REC, WALL);
        half.waitMillis(REC, WALL);
        assertThat(twice.waitMillis(REC + 10_000, WALL)).isEqualTo(5_000);
        assertThat(half.waitMillis(REC + 10_000, WALL)).isEqualTo(20_000);
    }

    @Test
    void speedZeroNeverWaits() {
        ReplayPacer pacer = new ReplayPacer(0);
        assertThat(pacer.waitMillis(REC, WALL)).isZero();
        assertThat(pacer.waitMillis(REC + 3_600_000, WALL)).isZero();
    }

    @Test
    void scheduleIsAnchoredSoDelaysDoNotAccumulate() {
        ReplayPacer pacer = new ReplayPacer(1.0);
        pacer.waitMillis(REC, WALL);
        // Frame 2 was published 300 ms late; frame 3 is still due 20 s after frame 1, not 10 s after frame 2.
        assertThat(pacer.waitMillis(REC + 10_000, WALL + 10_300)).isZero();
        assertThat(pacer.waitMillis(REC + 20_000, WALL + 10_400)).isEqualTo(9_600);
    }

    @Test
    void recordingGoingBackInTimePlaysAtOnceAndPacesFromThere() {
        ReplayPacer pacer = new ReplayPacer(1.0);
        pacer.waitMillis(REC, WALL);
        assertThat(pacer.waitMillis(REC - 60_000, WALL + 1_000)).isZero();
        assertThat(pacer.waitMillis(REC - 50_000, WALL + 1_000)).isEqualTo(10_000);
    }

    @Test
    void fallingFarBehindRestartsTheScheduleInsteadOfBursting() {
        ReplayPacer pacer = new ReplayPacer(1.0);
        pacer.waitMillis(REC, WALL);
        assertThat(pacer.waitMillis(REC + 10_000, WALL + 60_000)).isZero(); // 50 s late
        assertThat(pacer.waitMillis(REC + 20_000, WALL + 60_000)).isEqualTo(10_000);
    }

    @Test
    void negativeSpeedIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplayPacer(-1));
    }
}
