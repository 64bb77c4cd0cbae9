package io.skysentinel.analytics.anomaly;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.Geo;
import org.junit.jupiter.api.Test;

class HoldingRuleTest {

    static final long T = 1_700_000_000L;
    final Recorder r = new Recorder();

    /** Flies {@code seconds} of 1-s states turning {@code degPerS} (positive right), from track {@code track0}. */
    double turn(long from, int seconds, double degPerS, double track0, boolean ground) {
        double track = track0;
        for (int i = 0; i < seconds; i++) {
            var s = state("4b1805", from + i)
                    .at(51.6, -0.3 + i * 1e-4)
                    .track(Geo.normalize(track))
                    .speedKt(220);
            r.send(ground ? s.ground() : s.altFt(9_000));
            track += degPerS;
        }
        return track;
    }

    @Test
    void aFullStandardRateTurnIsAHold() {
        turn(T, 150, 3, 0, false); // 447° in 149 s
        assertThat(r.events("holding")).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("direction", "right");
            assertThat((Long) e.details().get("turn_deg")).isGreaterThanOrEqualTo(360L);
            assertThat(e.timeMs()).isEqualTo((T + 120) * 1000);
        });
    }

    @Test
    void aHalfTurnIsNoHold() {
        turn(T, 60, 3, 0, false);
        turn(T + 60, 120, 0, 180, false);
        assertThat(r.events).isEmpty();
    }

    @Test
    void turnsLeftAndRightCancel() {
        double track = 0;
        for (int k = 0; k < 10; k++) track = turn(T + 60L * k, 60, k % 2 == 0 ? 3 : -3, track, false);
        assertThat(r.events).isEmpty();
    }

    @Test
    void aSlowTurnSpreadBeyondTheWindowIsNoHold() {
        turn(T, 1_200, 0.4, 0, false); // 480° over 20 minutes: at most 120° in any 5
        assertThat(r.events).isEmpty();
    }

    @Test
    void taxiingInCirclesIsNoHold() {
        turn(T, 200, 3, 0, true);
        assertThat(r.events).isEmpty();
    }

    @Test
    void aRacetrackPatternReportsOnceWhileItGoesOn() {
        double track = 0;
        for (int lap = 0; lap < 4; lap++) {
            long t0 = T + 240L * lap;
            track = turn(t0, 60, 3, track, false);
            track = turn(t0 + 60, 60, 0, track, false);
            track = turn(t0 + 120, 60, 3, track, false);
            track = turn(t0 + 180, 60, 0, track, false);
        }
        assertThat(r.events("holding")).hasSize(1);
    }

    @Test
    void aGlitchedTrackFlipIsSkipped() {
        double track = 0;
        for (int i = 0; i < 200; i++) {
            double t = i % 10 == 5 ? 180 : 0; // a 180° flip for one state every 10 s
            r.send(state("4b1805", T + i).at(51.6, -0.3 + i * 1e-4).altFt(9_000).track(t + track));
        }
        assertThat(r.events).isEmpty();
    }
}
