package io.skysentinel.source.sim;

import static io.skysentinel.source.sim.SimAssertions.T0_MS;
import static io.skysentinel.source.sim.SimAssertions.haversineM;
import static io.skysentinel.source.sim.SimAssertions.headingDiff;
import static io.skysentinel.source.sim.SimAssertions.initialBearingDeg;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Measures the simulated traffic from the outside, as a consumer of the batches would see it. */
class SimulatedTrafficRealismTest {

    @Test
    void everyPhaseOfFlightShowsUpWithinASimulatedHour() {
        TrafficSimulator sim = new TrafficSimulator(SimProperties.defaults());
        int taxiing = 0, rolling = 0, climbing = 0, descending = 0, high = 0, level = 0;
        for (int s = 0; s <= 3600; s += 10) {
            for (Aircraft a : sim.step(T0_MS + s * 1000L)) {
                if (a.onGround() && a.velocityMps() > 0 && a.velocityMps() <= 10) taxiing++;
                if (a.onGround() && a.velocityMps() > 30) rolling++;
                if (!a.onGround() && a.verticalRateMps() > 1) climbing++;
                if (!a.onGround() && a.verticalRateMps() < -1) descending++;
                if (!a.onGround() && a.altitudeM() > 9_000) high++;
                if (!a.onGround() && a.verticalRateMps() == 0 && a.velocityMps() > 200) level++;
            }
        }
        assertThat(taxiing).as("taxiing").isPositive();
        assertThat(rolling).as("take-off or landing roll").isPositive();
        assertThat(climbing).as("climbing").isPositive();
        assertThat(descending).as("descending").isPositive();
        assertThat(high).as("above 9,000 m").isPositive();
        assertThat(level).as("level cruise").isPositive();
    }

    /** Seed 42 with the default 0.002 per flight gives several emergencies in three hours (about 2,400 flights). */
    @Test
    void emergencySquawksAreRareButHappenWithTheDefaults() {
        TrafficSimulator sim = new TrafficSimulator(SimProperties.defaults());
        long emergencyStates = 0, states = 0;
        for (int s = 0; s <= 3 * 3600; s += 5) {
            for (Aircraft a : sim.step(T0_MS + s * 1000L)) {
                states++;
                if (a.emergency()) emergencyStates++;
            }
        }
        assertThat(emergencyStates).isPositive();
        assertThat((double) emergencyStates / states).isLessThan(0.02);
    }

    @Test
    void noEmergencyWhenTheProbabilityIsZero() {
        SimProperties p = SimProperties.defaults();
        TrafficSimulator sim = new TrafficSimulator(new SimProperties(
                p.count(), p.seed(), p.tick(), p.lamin(), p.lomin(), p.lamax(), p.lomax(), 0.0, p.airports()));
        for (int s = 0; s <= 3 * 3600; s += 30) {
            assertThat(sim.step(T0_MS + s * 1000L)).noneMatch(Aircraft::emergency);
        }
    }

    /** Between two one-second steps an aircraft moves its reported speed along its reported heading. */
    @Test
    void positionsFollowVelocityHeadingAndVerticalRate() {
        TrafficSimulator sim = new TrafficSimulator(SimProperties.defaults().withCount(3_000)); // includes worldwide
        List<Aircraft> previous = sim.step(T0_MS);
        int compared = 0;
        for (int s = 1; s <= 120; s++) {
            List<Aircraft> current = sim.step(T0_MS + s * 1000L);
            for (int i = 0; i < current.size(); i++) {
                Aircraft before = previous.get(i), now = current.get(i);
                if (!before.icao24().equals(now.icao24())) continue; // slot respawned a new flight
                double d = haversineM(
                        before.position().lat(),
                        before.position().lon(),
                        now.position().lat(),
                        now.position().lon());
                // Taxiing aircraft snap onto their stop point, hence the absolute 10 m.
                assertThat(d)
                        .as("%s distance", now.icao24())
                        .isCloseTo(
                                now.velocityMps(), org.assertj.core.data.Offset.offset(0.01 * now.velocityMps() + 10));
                if (d > 20) {
                    double bearing = initialBearingDeg(
                            before.position().lat(),
                            before.position().lon(),
                            now.position().lat(),
                            now.position().lon());
                    assertThat(headingDiff(bearing, now.headingDeg()))
                            .as("%s track", now.icao24())
                            .isLessThan(1.0);
                }
                if (!now.onGround() && !before.onGround()) {
                    assertThat(now.altitudeM() - before.altitudeM())
                            .as("%s climb", now.icao24())
                            .isCloseTo(now.verticalRateMps(), org.assertj.core.data.Offset.offset(15.0));
                }
                compared++;
            }
            previous = current;
        }
        assertThat(compared).isGreaterThan(300_000);
    }

    /** Low on approach or just after take-off, aircraft fly along a runway of the airport they are near. */
    @Test
    void lowTrafficNearAnAirportIsAlignedWithARunway() {
        SimProperties p = SimProperties.defaults();
        TrafficSimulator sim = new TrafficSimulator(p);
        int checked = 0;
        for (int s = 0; s <= 3600; s += 5) {
            for (Aircraft a : sim.step(T0_MS + s * 1000L)) {
                if (a.onGround()) continue;
                for (SimProperties.Airport airport : p.airports()) {
                    double agl = a.altitudeM() - airport.elevationM();
                    double distance =
                            haversineM(a.position().lat(), a.position().lon(), airport.lat(), airport.lon());
                    if (agl > 250 || distance > 6_000) continue;
                    double misalignment = airport.runwayHeadingsDeg().stream()
                            .mapToDouble(
                                    r -> Math.min(headingDiff(a.headingDeg(), r), headingDiff(a.headingDeg(), r + 180)))
                            .min()
                            .orElseThrow();
                    assertThat(misalignment)
                            .as("%s near %s", a.callsign(), airport.icao())
                            .isLessThan(10);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }
}
