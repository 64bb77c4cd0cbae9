package io.skysentinel.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import io.skysentinel.source.sim.SimProperties;
import io.skysentinel.source.sim.TrafficSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's New York scenario run through the detectors for one simulated hour (1 s steps, seeded, no wall
 * clock; aircraft that stop appearing are removed after 60 s as the hub would). Expectations come from the
 * simulator's own output and documented behaviour, not from the detectors.
 */
class SimulatedTrafficAnalyticsTest {

    static final long STALE_MS = 60_000;
    static final long T0 = 1_700_000_000_000L;
    static final SimProperties PROPS =
            new SimProperties(300, 42, Duration.ofSeconds(1), 40.40, -74.50, 41.20, -73.50, 0.05, null);

    /** A change in the run's last seconds may not be confirmed yet (the detector waits 10 s): compared up to here. */
    static final long COMPARED_UNTIL_MS = T0 + 3_600_000L - 15_000;

    static final Recorder r = new Recorder();
    static final Map<String, String> emergencies = new HashMap<>();
    static final List<String> expectedMovements = new java.util.ArrayList<>();

    @BeforeAll
    static void run() {
        TrafficSimulator sim = new TrafficSimulator(PROPS);
        Map<String, Long> lastSeen = new HashMap<>();
        Map<String, Aircraft> previous = new HashMap<>();
        for (long ms = T0; ms < T0 + 3_600_000L; ms += 1_000) {
            for (Aircraft a : sim.step(ms)) {
                r.send(a);
                lastSeen.put(a.icao24(), ms);
                if (a.emergency()) emergencies.putIfAbsent(a.icao24(), a.squawk());
                Aircraft p = previous.put(a.icao24(), a);
                if (p != null
                        && p.onGround() != a.onGround()
                        && nearSimAirport(a, Double.MAX_VALUE)
                        && ms < COMPARED_UNTIL_MS) {
                    expectedMovements.add(a.icao24() + (a.onGround() ? " ARRIVAL" : " DEPARTURE"));
                }
                // First seen just after lift-off (the initial fleet starts in every phase): still a departure.
                if (p == null && !a.onGround() && a.verticalRateMps() > 0 && nearSimAirport(a, 1_000 * 0.3048)) {
                    expectedMovements.add(a.icao24() + " DEPARTURE");
                }
            }
            long now = ms;
            lastSeen.entrySet().removeIf(e -> {
                if (now - e.getValue() <= STALE_MS) return false;
                r.remove(e.getKey());
                return true;
            });
        }
    }

    /** Within 5 km of a scenario airport and less than {@code maxHeightM} above it. */
    static boolean nearSimAirport(Aircraft a, double maxHeightM) {
        return PROPS.airports().stream()
                .anyMatch(ap -> io.skysentinel.core.Geo.distanceM(
                                        a.position().lat(), a.position().lon(), ap.lat(), ap.lon())
                                <= 5_000
                        && (a.onGround() || a.altitudeM() - ap.elevationM() < maxHeightM));
    }

    /** The simulator's documented rule: one arrival in 32, chosen by its address, misses its first approach. */
    static boolean plannedGoAround(String icao24) {
        return Math.floorMod(icao24.hashCode(), 32) == 0;
    }

    @Test
    void everyEmergencySquawkIsOneEventOfItsKind() {
        assertThat(emergencies).isNotEmpty();
        Map<String, String> reported = new HashMap<>();
        for (AnomalyEvent e : r.events) {
            if (e.kind().startsWith("squawk_"))
                assertThat(reported.put(e.id(), e.kind())).as("one per episode").isNull();
        }
        Map<String, String> expected = emergencies.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> "squawk_" + e.getValue()));
        assertThat(reported).isEqualTo(expected);
    }

    @Test
    void everyTakeOffAndLandingAtTheScenarioAirportsIsAMovementWithItsRunway() {
        List<String> found = r.movements.stream()
                .filter(m -> m.timeMs() < COMPARED_UNTIL_MS)
                .map(m -> m.id() + " " + m.kind())
                .toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expectedMovements);
        Set<String> airports =
                PROPS.airports().stream().map(SimProperties.Airport::icao).collect(Collectors.toSet());
        assertThat(r.movements).allSatisfy(m -> {
            assertThat(m.airportIcao()).isIn(airports);
            assertThat(m.runway()).as("runway of %s", m).isNotNull();
        });
        assertThat(r.movements).extracting(Movement::kind).contains(Movement.Kind.ARRIVAL, Movement.Kind.DEPARTURE);
    }

    @Test
    void missedApproachesAreGoAroundsAndNothingElseIs() {
        List<AnomalyEvent> goArounds = r.events("go_around");
        assertThat(goArounds).isNotEmpty();
        assertThat(goArounds)
                .allSatisfy(e -> assertThat(plannedGoAround(e.id())).as(e.id()).isTrue());
        Set<String> once = new HashSet<>();
        assertThat(goArounds)
                .allSatisfy(e ->
                        assertThat(once.add(e.id())).as("one go-around each").isTrue());
        // The circuit back to the approach fix is a full turn; ordinary traffic never turns that much.
        assertThat(r.events("holding")).allSatisfy(e -> assertThat(once).contains(e.id()));
    }

    @Test
    void aircraftRetiredAtTheRegionsEdgeOrAfterLandingAreNotLostContact() {
        assertThat(r.events("lost_contact")).isEmpty();
        assertThat(r.events("rapid_descent")).isEmpty();
        assertThat(r.events("impossible_jump")).isEmpty();
    }
}
