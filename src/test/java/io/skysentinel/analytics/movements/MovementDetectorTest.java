package io.skysentinel.analytics.movements;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Movement;
import org.junit.jupiter.api.Test;

/** Departures and arrivals from synthetic tracks at Zurich (elevation 1,417 ft; runway 28 threshold below). */
class MovementDetectorTest {

    static final double THR28_LAT = 47.4566, THR28_LON = 8.5704, RWY28 = 276;
    static final double FIELD_FT = 1_417;
    static final long T0 = 1_700_000_000L;

    final Recorder r = new Recorder();

    /**
     * Rolls along runway 28 for {@code roll} s, then flies on climbing 2,000 ft/min for {@code climb} s; 1 s states.
     */
    void takeOff(String icao, long t0, int roll, int climb, Double trackOrNull) {
        for (int i = 0; i < roll + climb; i++) {
            double[] p = Geo.destination(THR28_LAT, THR28_LON, RWY28, 40.0 * i);
            var s = state(icao, t0 + i).at(p);
            if (trackOrNull != null) s.track(trackOrNull);
            if (i < roll) r.send(s.ground().speedKt(80));
            else r.send(s.altFt(FIELD_FT + 33.0 * (i - roll)).vsFpm(2_000).speedKt(150));
        }
    }

    @Test
    void aTakeOffIsADepartureAtTheFirstAirborneStateWithTheRunwayFromTheTrack() {
        takeOff("4b1805", T0, 30, 30, RWY28);
        assertThat(r.movements).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Movement.Kind.DEPARTURE);
            assertThat(m.airportIcao()).isEqualTo("LSZH");
            assertThat(m.timeMs()).isEqualTo((T0 + 30) * 1000);
            assertThat(m.runway()).isEqualTo("28");
            assertThat(m.callsign()).isEqualTo("TST4B1");
            assertThat(m.source())
                    .as("the state's source, so history can count networks apart")
                    .isEqualTo("test");
        });
    }

    @Test
    void withoutATrackTheRunwayComesFromThePositions() {
        takeOff("4b1805", T0, 30, 30, null);
        assertThat(r.movements).singleElement().extracting(Movement::runway).isEqualTo("28");
    }

    @Test
    void aLandingIsAnArrivalAtTheFirstGroundState() {
        for (int i = 0; i < 60; i++) {
            double[] p = Geo.destination(THR28_LAT, THR28_LON, RWY28, -2_000 + 70.0 * i);
            if (i < 30)
                r.send(state("4b1805", T0 + i)
                        .at(p)
                        .altFt(FIELD_FT + 300 - 10 * i)
                        .vsFpm(-700)
                        .track(RWY28));
            else r.send(state("4b1805", T0 + i).at(p).ground().track(RWY28));
        }
        assertThat(r.movements).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Movement.Kind.ARRIVAL);
            assertThat(m.airportIcao()).isEqualTo("LSZH");
            assertThat(m.timeMs()).isEqualTo((T0 + 30) * 1000);
            assertThat(m.runway()).isEqualTo("28");
        });
    }

    @Test
    void aFewAirborneFlagsOnTheGroundAreNoTakeOff() {
        for (int i = 0; i < 60; i++) {
            var s = state("4b1805", T0 + i).at(47.4560, 8.5600);
            r.send(i >= 20 && i < 25 ? s.altFt(1_400) : s.ground());
        }
        assertThat(r.movements).isEmpty();
    }

    @Test
    void airborneFlagsAtCruiseAltitudeWhileParkedAreNoTakeOffEvenWhenTheyLast() {
        for (int i = 0; i < 120; i++) {
            var s = state("4b1805", T0 + i).at(47.4560, 8.5600);
            r.send(i >= 20 && i < 50 ? s.altFt(36_000) : s.ground());
        }
        assertThat(r.movements).isEmpty();
    }

    @Test
    void groundFlagsAtAltitudeOverTheAirportAreNoLanding() {
        for (int i = 0; i < 120; i++) {
            var s = state("4b1805", T0 + i).at(47.4647, 8.5492).altFt(35_000).track(90);
            r.send(i >= 30 && i < 90 ? s.ground() : s);
        }
        assertThat(r.movements).isEmpty();
    }

    @Test
    void aLongSilenceResetsSoNoMovementIsInventedAcrossIt() {
        for (int i = 0; i < 30; i++)
            r.send(state("4b1805", T0 + i).at(47.4560, 8.5600).ground());
        // Ten minutes of nothing, then airborne low over the airport.
        for (int i = 0; i < 30; i++)
            r.send(state("4b1805", T0 + 630 + i)
                    .at(47.4600, 8.5500)
                    .altFt(2_000)
                    .vsFpm(800));
        assertThat(r.movements).isEmpty();
    }

    @Test
    void aShorterGapStillHidesWhenTheTransitionHappened() {
        for (int i = 0; i < 30; i++)
            r.send(state("4b1805", T0 + i).at(47.4560, 8.5600).ground());
        for (int i = 0; i < 30; i++)
            r.send(state("4b1805", T0 + 150 + i)
                    .at(47.4600, 8.5500)
                    .altFt(2_000)
                    .vsFpm(800));
        assertThat(r.movements).isEmpty();
    }

    @Test
    void aTakeOffFarFromAnyAirportIsNoMovement() {
        double[] field = {47.0, 9.9}; // an Alpine strip, > 5 km from any built-in airport
        for (int i = 0; i < 60; i++) {
            var s = state("4b1805", T0 + i).at(Geo.destination(field[0], field[1], 90, 40.0 * i));
            r.send(i < 30 ? s.ground() : s.altFt(3_000 + 20 * i));
        }
        assertThat(r.movements).isEmpty();
    }

    @Test
    void firstSeenLowOverAnAirportThenClimbingThroughAThousandFeetIsADeparture() {
        // JFK (13 ft): picked up at 300 ft on runway heading 31, no ground states at all.
        double[] start = {40.6437, -73.7593}; // the 31R threshold
        for (int i = 0; i < 60; i++) {
            r.send(state("a1b2c3", T0 + i)
                    .at(Geo.destination(start[0], start[1], 301, 80.0 * i))
                    .altFt(300 + 25 * i)
                    .vsFpm(1_500)
                    .track(301));
        }
        assertThat(r.movements).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Movement.Kind.DEPARTURE);
            assertThat(m.airportIcao()).isEqualTo("KJFK");
            assertThat(m.timeMs()).isEqualTo(T0 * 1000);
            assertThat(m.runway()).isEqualTo("31R");
        });
    }

    @Test
    void lostWhileLowOverAnAirportIsAnArrivalNotALostContact() {
        for (int i = 0; i < 30; i++) {
            double[] p = Geo.destination(THR28_LAT, THR28_LON, RWY28, -3_000 + 70.0 * i);
            r.send(state("4b1805", T0 + i)
                    .at(p)
                    .altFt(FIELD_FT + 800 - 20 * i)
                    .vsFpm(-700)
                    .track(RWY28));
        }
        r.remove("4b1805");
        assertThat(r.movements).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Movement.Kind.ARRIVAL);
            assertThat(m.timeMs()).isEqualTo((T0 + 29) * 1000);
        });
        assertThat(r.events).isEmpty();
    }

    @Test
    void aTouchAndGoIsAnArrivalAndADeparture() {
        for (int i = 0; i < 90; i++) {
            double[] p = Geo.destination(THR28_LAT, THR28_LON, RWY28, -1_000 + 60.0 * i);
            var s = state("4b1805", T0 + i).at(p).track(RWY28);
            if (i < 20) r.send(s.altFt(FIELD_FT + 200 - 10 * i));
            else if (i < 45) r.send(s.ground());
            else r.send(s.altFt(FIELD_FT + 20 * (i - 45)));
        }
        assertThat(r.movements)
                .extracting(Movement::kind)
                .containsExactly(Movement.Kind.ARRIVAL, Movement.Kind.DEPARTURE);
    }
}
