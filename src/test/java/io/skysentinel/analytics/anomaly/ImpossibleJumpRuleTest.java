package io.skysentinel.analytics.anomaly;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.Geo;
import org.junit.jupiter.api.Test;

class ImpossibleJumpRuleTest {

    static final long T = 1_700_000_000L;
    final Recorder r = new Recorder();

    @Test
    void fiftyKilometresInTenSecondsIsImpossible() {
        r.send(
                state("4b1805", T).at(45.0, -30.0).altFt(35_000),
                state("4b1805", T + 10)
                        .at(Geo.destination(45.0, -30.0, 90, 50_000))
                        .altFt(35_000));
        assertThat(r.events("impossible_jump")).singleElement().satisfies(e -> {
            assertThat((Long) e.details().get("implied_speed_kt")).isGreaterThan(1_500L);
            assertThat(e.details()).containsEntry("distance_km", 50.0).containsEntry("interval_s", 10L);
        });
    }

    @Test
    void anAirlinerAtSixHundredKnotsIsNoJump() {
        for (int i = 0; i < 60; i++) {
            r.send(state("4b1805", T + 10L * i)
                    .at(Geo.destination(45.0, -30.0, 90, 600 * Geo.KNOT_MPS * 10 * i))
                    .altFt(35_000));
        }
        assertThat(r.events).isEmpty();
    }

    @Test
    void aShortHopBetweenStatesTheSameSecondApartIsTimestampQuantisationNotAJump() {
        // 1 km with both positions stamped the same second: 1,944 kt taken at face value (+1 s), but under 5 km.
        r.send(
                state("4b1805", T).at(45.0, -30.0).altFt(35_000),
                state("4b1805", T + 1)
                        .positionAt(T)
                        .at(Geo.destination(45.0, -30.0, 90, 1_000))
                        .altFt(35_000),
                state("4b1805", T + 2)
                        .at(Geo.destination(45.0, -30.0, 90, 1_300))
                        .altFt(35_000));
        assertThat(r.events).isEmpty();
    }

    @Test
    void anOutlierAndTheReturnFromItAreOneEvent() {
        double[] far = Geo.destination(45.0, -30.0, 0, 200_000);
        r.send(
                state("4b1805", T).at(45.0, -30.0).altFt(35_000),
                state("4b1805", T + 5).at(far).altFt(35_000),
                state("4b1805", T + 10)
                        .at(Geo.destination(45.0, -30.0, 90, 2_500))
                        .altFt(35_000));
        assertThat(r.events("impossible_jump")).hasSize(1);
    }
}
