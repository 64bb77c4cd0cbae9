package io.skysentinel.analytics.anomaly;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import org.junit.jupiter.api.Test;

class RapidDescentRuleTest {

    static final long T = 1_700_000_000L;
    final Recorder r = new Recorder();

    /** {@code seconds} 1-s states descending at {@code fpm} from FL350, far from airports (mid-Atlantic). */
    void descend(long from, int seconds, double fpm, boolean reportRate) {
        for (int i = 0; i < seconds; i++) {
            var s = state("4b1805", from + i).at(45.0, -30.0).altFt(35_000 + fpm / 60 * (from + i - T));
            r.send(reportRate ? s.vsFpm(fpm) : s);
        }
    }

    @Test
    void sustainedForTwentySecondsIsOneEvent() {
        descend(T, 60, -7_200, true);
        assertThat(r.events("rapid_descent")).singleElement().satisfies(e -> {
            assertThat(e.timeMs()).isEqualTo((T + 20) * 1000);
            assertThat(e.details()).containsEntry("vertical_rate_fpm", -7200L).containsEntry("duration_s", 20L);
        });
    }

    @Test
    void shorterThanTheSustainTimeIsNothing() {
        descend(T, 15, -8_000, true);
        descend(T + 15, 30, -1_000, true);
        assertThat(r.events("rapid_descent")).isEmpty();
    }

    @Test
    void aNormalDescentIsNothing() {
        descend(T, 120, -3_000, true);
        assertThat(r.events).isEmpty();
    }

    @Test
    void withoutAReportedRateItIsDerivedFromTheAltitudes() {
        descend(T, 60, -7_200, false);
        assertThat(r.events("rapid_descent")).hasSize(1);
    }

    @Test
    void aRateHoveringAroundTheThresholdIsOneEpisodeButARecoveryStartsANewOne() {
        for (int i = 0; i < 120; i++)
            r.send(state("4b1805", T + i).at(45.0, -30.0).altFt(30_000).vsFpm(i % 30 == 29 ? -5_500 : -6_500));
        assertThat(r.events("rapid_descent")).hasSize(1);
        for (int i = 120; i < 130; i++)
            r.send(state("4b1805", T + i).at(45.0, -30.0).altFt(20_000).vsFpm(0));
        for (int i = 130; i < 160; i++)
            r.send(state("4b1805", T + i).at(45.0, -30.0).altFt(19_000).vsFpm(-6_500));
        assertThat(r.events("rapid_descent")).hasSize(2);
    }

    @Test
    void statesTooFarApartDoNotShowASustainedDescent() {
        r.send(
                state("4b1805", T).at(45.0, -30.0).altFt(30_000).vsFpm(-7_000),
                state("4b1805", T + 90).at(45.0, -30.0).altFt(20_000).vsFpm(-7_000));
        assertThat(r.events).isEmpty();
    }
}
