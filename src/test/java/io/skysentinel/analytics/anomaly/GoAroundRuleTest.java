package io.skysentinel.analytics.anomaly;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Movement;
import org.junit.jupiter.api.Test;

/** At JFK (13 ft), approaching runway 31R from the south-east along its centre line. */
class GoAroundRuleTest {

    static final long T = 1_700_000_000L;
    static final double[] THR_31R = {40.6437, -73.7593};
    static final double RWY = 301;
    final Recorder r = new Recorder();

    /** Position {@code metresPastThreshold} along the runway direction (negative: on final). */
    static double[] along(double metresPastThreshold) {
        return Geo.destination(THR_31R[0], THR_31R[1], RWY, metresPastThreshold);
    }

    /** 3° final from 2,000 ft down to {@code lowestFt}, then a 1,500 ft/min climb straight ahead for 60 s. */
    void approachAndClimb(String icao, long t0, double lowestFt) {
        long t = t0;
        double x = -11_000;
        for (double alt = 2_000; alt > lowestFt; alt -= 12, x += 70, t++) {
            r.send(state(icao, t).at(along(x)).altFt(alt).vsFpm(-700).track(RWY).speedKt(140));
        }
        for (int i = 0; i < 60; i++, x += 75, t++) {
            r.send(state(icao, t)
                    .at(along(x))
                    .altFt(lowestFt + 25 * i)
                    .vsFpm(1_500)
                    .track(RWY)
                    .speedKt(150));
        }
    }

    @Test
    void descentBelowAThousandFeetThenAClimbIsAGoAround() {
        approachAndClimb("a1b2c3", T, 150);
        assertThat(r.events("go_around")).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("airport", "KJFK");
            assertThat((Long) e.details().get("min_height_ft")).isBetween(100L, 160L);
        });
        assertThat(r.movements).isEmpty();
    }

    @Test
    void aLandingIsNoGoAround() {
        long t = T;
        double x = -11_000;
        for (double alt = 2_000; alt > 20; alt -= 12, x += 70, t++)
            r.send(state("a1b2c3", t).at(along(x)).altFt(alt).vsFpm(-700).track(RWY));
        for (int i = 0; i < 60; i++, x += 40, t++)
            r.send(state("a1b2c3", t).at(along(x)).ground().track(RWY));
        assertThat(r.events).isEmpty();
        assertThat(r.movements).extracting(Movement::kind).containsExactly(Movement.Kind.ARRIVAL);
    }

    @Test
    void aDepartureClimbingOutIsNoGoAround() {
        long t = T;
        for (int i = 0; i < 40; i++, t++)
            r.send(state("a1b2c3", t).at(along(40.0 * i)).ground().track(RWY));
        for (int i = 0; i < 90; i++, t++)
            r.send(state("a1b2c3", t)
                    .at(along(1_600 + 80.0 * i))
                    .altFt(20 + 30 * i)
                    .vsFpm(1_800)
                    .track(RWY));
        assertThat(r.events).isEmpty();
        assertThat(r.movements).extracting(Movement::kind).containsExactly(Movement.Kind.DEPARTURE);
    }

    @Test
    void levellingOffAboveTheApproachHeightIsNothing() {
        approachAndClimb("a1b2c3", T, 1_200);
        assertThat(r.events).isEmpty();
    }

    @Test
    void twoMissedApproachesAreTwoGoArounds() {
        approachAndClimb("a1b2c3", T, 200);
        approachAndClimb("a1b2c3", T + 400, 300);
        assertThat(r.events("go_around")).hasSize(2);
    }
}
