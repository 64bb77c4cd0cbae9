package io.skysentinel.source.sim;

import static io.skysentinel.source.sim.SimAssertions.T0_MS;
import static io.skysentinel.source.sim.SimAssertions.assertAllValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {

    /** Irregular gaps on purpose: 0.3 s to 7 s, and one longer than a sub-step. */
    private static final long[] GAPS_MS = {1000, 300, 7000, 1000, 2500, 12_000, 1000};

    @Test
    void sameSeedAndSameStepTimesGiveIdenticalTraffic() {
        TrafficSimulator a = new TrafficSimulator(SimProperties.defaults());
        TrafficSimulator b = new TrafficSimulator(SimProperties.defaults());
        long t = T0_MS;
        for (int i = 0; i < 700; i++) {
            t += GAPS_MS[i % GAPS_MS.length];
            assertThat(b.step(t)).as("step %d", i).isEqualTo(a.step(t));
        }
    }

    @Test
    void differentSeedGivesDifferentTraffic() {
        List<Aircraft> a = new TrafficSimulator(SimProperties.defaults()).step(T0_MS);
        List<Aircraft> b = new TrafficSimulator(SimProperties.defaults().withSeed(43)).step(T0_MS);
        assertThat(b).isNotEqualTo(a);
        assertThat(ids(b)).doesNotContainAnyElementsOf(ids(a).subList(0, 10));
    }

    @Test
    void countStaysAtTheSettingAndEveryStateIsValid() {
        TrafficSimulator sim = new TrafficSimulator(SimProperties.defaults().withCount(250));
        for (int s = 0; s <= 3600; s += 2) {
            long t = T0_MS + s * 1000L;
            List<Aircraft> aircraft = sim.step(t);
            assertThat(aircraft).hasSize(250);
            if (s % 60 == 0) assertAllValid(aircraft, t);
        }
    }

    @Test
    void anAddressIsNeverReusedAfterItsFlightEnds() {
        TrafficSimulator sim = new TrafficSimulator(SimProperties.defaults().withCount(10));
        Set<String> retired = new HashSet<>();
        Set<String> previous = Set.of();
        for (int s = 0; s <= 6 * 3600; s += 5) {
            Set<String> current = new HashSet<>(ids(sim.step(T0_MS + s * 1000L)));
            assertThat(current).hasSize(10);
            assertThat(current)
                    .filteredOn(retired::contains)
                    .as("addresses of ended flights")
                    .isEmpty();
            for (String id : previous) if (!current.contains(id)) retired.add(id);
            previous = current;
        }
        assertThat(retired).as("flights ended and respawned").hasSizeGreaterThan(50);
    }

    @Test
    void smallFleetStaysMostlyInsideTheRegion() {
        SimProperties p = SimProperties.defaults();
        TrafficSimulator sim = new TrafficSimulator(p);
        int inside = 0, total = 0;
        for (int s = 0; s <= 3600; s += 60) {
            for (Aircraft a : sim.step(T0_MS + s * 1000L)) {
                total++;
                double lat = a.position().lat(), lon = a.position().lon();
                if (lat >= p.lamin() && lat <= p.lamax() && lon >= p.lomin() && lon <= p.lomax()) inside++;
                // Near the edges is fine; far away is not.
                assertThat(lat).isBetween(p.lamin() - 0.5, p.lamax() + 0.5);
                assertThat(lon).isBetween(p.lomin() - 0.5, p.lomax() + 0.5);
            }
        }
        assertThat((double) inside / total).isGreaterThan(0.75);
    }

    @Test
    void largeCountSpreadsTrafficOverTheGlobeAndKeepsTheRegionalScenario() {
        SimProperties p = SimProperties.defaults().withCount(10_000);
        TrafficSimulator sim = new TrafficSimulator(p);
        sim.step(T0_MS);
        long t = T0_MS + 600_000;
        List<Aircraft> aircraft = sim.step(t);
        assertAllValid(aircraft, t);
        int[] quadrants = new int[4];
        int regional = 0;
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        for (Aircraft a : aircraft) {
            double lat = a.position().lat(), lon = a.position().lon();
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
            quadrants[(lat >= 0 ? 0 : 2) + (lon >= 0 ? 0 : 1)]++;
            if (lat >= p.lamin() && lat <= p.lamax() && lon >= p.lomin() && lon <= p.lomax()) regional++;
        }
        assertThat(aircraft).hasSize(10_000);
        assertThat(maxLat - minLat).isGreaterThan(110);
        assertThat(maxLon - minLon).isGreaterThan(340);
        for (int n : quadrants)
            assertThat(n).as("aircraft per hemisphere quadrant").isGreaterThan(1_000);
        assertThat(regional).as("the regional scenario is still there").isGreaterThan(100);
        assertThat(aircraft.stream().filter(Aircraft::onGround).count())
                .as("regional ground traffic")
                .isPositive();
    }

    private static List<String> ids(List<Aircraft> aircraft) {
        return aircraft.stream().map(Aircraft::id).toList();
    }

    @org.junit.jupiter.api.Test
    void slicesPublishEachAircraftOnceInTurnWhileEveryoneMoves() {
        SimProperties props = SimProperties.defaults().withCount(100);
        TrafficSimulator sliced = new TrafficSimulator(props), whole = new TrafficSimulator(props);
        long t0 = 1_700_000_000_000L;
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.List<io.skysentinel.core.Aircraft> last = java.util.List.of();
        for (int tick = 0; tick < 4; tick++) {
            last = sliced.step(t0 + tick * 1000L, tick, 4);
            whole.step(t0 + tick * 1000L);
            org.assertj.core.api.Assertions.assertThat(last).hasSize(25);
            last.forEach(a -> org.assertj.core.api.Assertions.assertThat(seen.add(a.icao24()))
                    .as("once per round")
                    .isTrue());
        }
        org.assertj.core.api.Assertions.assertThat(seen).hasSize(100);
        // the slice published last is exactly where the unsliced simulation has those aircraft: nobody stood still
        java.util.Map<String, io.skysentinel.core.Aircraft> truth = new java.util.HashMap<>();
        whole.step(t0 + 3000L).forEach(a -> truth.put(a.icao24(), a));
        for (io.skysentinel.core.Aircraft a : last) {
            org.assertj.core.api.Assertions.assertThat(a.position())
                    .isEqualTo(truth.get(a.icao24()).position());
        }
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> sliced.step(t0, 4, 4));
    }
}
