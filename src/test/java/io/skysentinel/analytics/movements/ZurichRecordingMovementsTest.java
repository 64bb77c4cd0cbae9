package io.skysentinel.analytics.movements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Movement;
import io.skysentinel.testing.ZurichRecording;
import io.skysentinel.testing.ZurichRecording.Row;
import io.skysentinel.testing.ZurichRecording.Transition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Movement detection on real data: ten flights recorded at Zurich (LSZH) at about 1 s resolution, with landings,
 * take-offs, taxiing and towing, and real glitches (flags flipping for a second or two, airborne flags at 36,000 ft
 * on the apron, ground flags at cruise altitude). Skipped when ../shared/data is absent.
 *
 * <p>The expected movements are derived from the on-ground flags alone, independently of the detector
 * ({@link ZurichRecording#expected}).
 */
class ZurichRecordingMovementsTest {

    static final List<String> LSZH_RUNWAYS = List.of("10", "28", "14", "32", "16", "34");

    static Map<String, List<Row>> flights;

    @BeforeAll
    static void load() {
        Path file = ZurichRecording.file();
        assumeTrue(file != null, "Zurich recording (../shared/data/opensky) is absent");
        flights = ZurichRecording.flights(file);
    }

    static Aircraft aircraft(Row r) {
        return Aircraft.adsb(r.icao24(), "recording")
                .callsign(r.callsign())
                .position(r.lat(), r.lon())
                .altitudeM(r.altitudeFt() == null ? null : r.altitudeFt() * Geo.FEET)
                .onGround(r.onGround())
                .velocityMps(r.speedKt() == null ? null : r.speedKt() * Geo.KNOT_MPS)
                .headingDeg(r.track())
                .verticalRateMps(r.verticalRateFpm() == null ? null : r.verticalRateFpm() * Geo.FPM_MPS)
                .lastContactUnix(r.timeMs() / 1000)
                .timePositionUnix(r.timeMs() / 1000)
                .build();
    }

    static List<Transition> expected(String icao24, List<Row> rows) {
        return ZurichRecording.expected(icao24, rows);
    }

    @Test
    void theDetectorFindsTheMovementsTheGroundFlagsShowAndNoOthers() {
        Recorder r = new Recorder();
        List<Transition> expected = new ArrayList<>();
        flights.forEach((icao24, rows) -> {
            rows.forEach(row -> r.send(aircraft(row)));
            expected.addAll(expected(icao24, rows));
        });
        assertThat(expected)
                .as("the recording has both kinds")
                .extracting(Transition::kind)
                .contains(Movement.Kind.ARRIVAL, Movement.Kind.DEPARTURE);

        assertThat(r.movements).hasSameSizeAs(expected);
        for (Transition t : expected) {
            assertThat(r.movements).as("movement for %s", t).anySatisfy(m -> {
                assertThat(m.id()).isEqualTo(t.icao24());
                assertThat(m.kind()).isEqualTo(t.kind());
                assertThat(Math.abs(m.timeMs() - t.timeMs())).isLessThanOrEqualTo(15_000);
            });
        }
        assertThat(r.movements).allSatisfy(m -> assertThat(m.airportIcao()).isEqualTo("LSZH"));
    }

    @Test
    void runwaysAreZurichRunwaysPointingTheWayTheAircraftWent() {
        Recorder r = new Recorder();
        flights.values().forEach(rows -> rows.forEach(row -> r.send(aircraft(row))));
        assertThat(r.movements).isNotEmpty();
        long named = r.movements.stream().filter(m -> m.runway() != null).count();
        assertThat(named).as("runway known for most movements").isGreaterThanOrEqualTo(r.movements.size() - 1);
        assertThat(r.movements).allSatisfy(m -> {
            if (m.runway() != null) assertThat(m.runway()).isIn(LSZH_RUNWAYS);
        });
    }

    @Test
    void groundFlagsHighAboveTheFieldCreateNoMovement() {
        List<Row> glitches = flights.values().stream()
                .flatMap(List::stream)
                .filter(r -> r.onGround() && r.altitudeFt() != null && r.altitudeFt() > 5_000)
                .toList();
        assertThat(glitches).as("the recording's documented glitch rows").hasSize(51);
        Recorder withGlitches = new Recorder(), without = new Recorder();
        flights.values()
                .forEach(rows -> rows.forEach(row -> {
                    withGlitches.send(aircraft(row));
                    if (!glitches.contains(row)) without.send(aircraft(row));
                }));
        assertThat(withGlitches.movements).isNotEmpty().isEqualTo(without.movements);
        for (Row g : glitches) {
            assertThat(withGlitches.movements)
                    .as("no movement at glitch %s", g)
                    .noneMatch(m -> m.id().equals(g.icao24()) && m.timeMs() == g.timeMs());
        }
    }

    @Test
    void ordinaryTrafficWithItsGlitchesRaisesNoAnomaly() {
        Recorder r = new Recorder();
        flights.values().forEach(rows -> rows.forEach(row -> r.send(aircraft(row))));
        // Altitudes jumping to 36,000 ft for a second, flags flipping, 1 s positions: none of it is an event.
        assertThat(r.events).isEmpty();
    }
}
