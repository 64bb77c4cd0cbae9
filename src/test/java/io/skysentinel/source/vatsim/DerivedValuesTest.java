package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Geo;
import io.skysentinel.source.vatsim.VatsimFeed.Pilot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** True track and vertical rate over the recorded runs of consecutive feeds 15 s apart. */
class DerivedValuesTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of(List.of("20230807T232929Z", "20230807T232944Z")),
                Arguments.of(List.of("20241121T125725Z", "20241121T125740Z")),
                Arguments.of(List.of("20241122T124940Z", "20241122T124955Z", "20241122T125010Z", "20241122T125025Z")));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void trueTrackAgreesWithTheMagneticHeadingOfStraightFastFlights(List<String> stamps) {
        PilotTracker tracker = new PilotTracker();
        Map<Long, Pilot> previous = new HashMap<>();
        List<Double> differences = new ArrayList<>();
        int tracked = 0;
        int untracked = 0; // paused in the simulator (position frozen) or repositioned: no track, by the rules
        for (String stamp : stamps) {
            List<Pilot> pilots = VatsimRecordings.feed(stamp).pilots();
            PilotTracker.Derived[] derived = tracker.advance(pilots);
            for (int i = 0; i < derived.length; i++) {
                Pilot p = pilots.get(i);
                Pilot before = previous.get(p.cid());
                if (before == null) {
                    assertThat(derived[i].trackDeg()).as("first sighting").isNull();
                    assertThat(derived[i].verticalRateMps())
                            .as("first sighting")
                            .isNull();
                    continue;
                }
                if (derived[i].trackDeg() != null) tracked++;
                boolean straightAndFast = p.groundspeedKt() > 250
                        && p.headingMagneticDeg() != null
                        && before.headingMagneticDeg() != null
                        && Math.abs(Geo.turnDeg(before.headingMagneticDeg(), p.headingMagneticDeg())) <= 2
                        && p.lastUpdatedMs() > before.lastUpdatedMs();
                if (straightAndFast && derived[i].trackDeg() == null) untracked++;
                else if (straightAndFast)
                    differences.add(Math.abs(Geo.turnDeg(p.headingMagneticDeg(), derived[i].trackDeg())));
            }
            previous.clear();
            pilots.forEach(p -> previous.put(p.cid(), p));
            assertThat(tracker.size()).as("one sample per pilot online").isEqualTo(pilots.size());
        }
        assertThat(differences).as("straight fast flights compared").hasSizeGreaterThan(100);
        assertThat(untracked).isLessThan(differences.size() / 20);
        List<Double> sorted = differences.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get(sorted.size() * 9 / 10);
        // heading vs track differs by the wind correction angle and the magnetic variation: a few degrees typically
        assertThat(median).as("median |track - magnetic heading|").isLessThan(15);
        assertThat(p90).as("90th percentile").isLessThan(35);
        assertThat(tracked).isGreaterThan(differences.size());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void verticalRateIsTheAltitudeChangeOverTheLastUpdatedChange(List<String> stamps) {
        PilotTracker tracker = new PilotTracker();
        Map<Long, Pilot> previous = new HashMap<>();
        int level = 0;
        int climbing = 0;
        int descending = 0;
        for (String stamp : stamps) {
            List<Pilot> pilots = VatsimRecordings.feed(stamp).pilots();
            PilotTracker.Derived[] derived = tracker.advance(pilots);
            for (int i = 0; i < derived.length; i++) {
                Pilot p = pilots.get(i);
                Pilot before = previous.get(p.cid());
                if (before == null || p.altitudeFt() == null || before.altitudeFt() == null) continue;
                long dtMs = p.lastUpdatedMs() - before.lastUpdatedMs();
                if (dtMs <= 0) continue;
                double moved = Geo.distanceM(before.lat(), before.lon(), p.lat(), p.lon());
                if (moved / (dtMs / 1000.0) > PilotTracker.MAX_SPEED_MPS) continue;
                Double vr = derived[i].verticalRateMps();
                assertThat(vr).as("a pilot seen twice with time between").isNotNull();
                double dAlt = p.altitudeFt() - before.altitudeFt();
                assertThat(Math.signum(vr)).isEqualTo(Math.signum(dAlt));
                // 1 ft over the longest 15 s step would be 0.02 m/s: rates are at least that precise
                double expected = dAlt * 0.3048 / (dtMs / 1000.0);
                assertThat(vr).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
                if (dAlt == 0) level++;
                else if (dAlt > 0) climbing++;
                else descending++;
            }
            previous.clear();
            pilots.forEach(p -> previous.put(p.cid(), p));
        }
        assertThat(level).isGreaterThan(50);
        assertThat(climbing).isGreaterThan(5);
        assertThat(descending).isGreaterThan(5);
    }
}
