package io.skysentinel.analytics.workload;

import static io.skysentinel.analytics.workload.Fixtures.airport;
import static io.skysentinel.analytics.workload.Fixtures.from;
import static io.skysentinel.analytics.workload.Fixtures.pilot;
import static io.skysentinel.analytics.workload.Fixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each facility's area on hand-made tracks around real airports and sectors of the shipped reference. */
class AreaRulesTest {

    private final Workload workload = new Workload(Fixtures.rules());

    private static Position egll() {
        return new Position(airport("EGLL").lat(), airport("EGLL").lon());
    }

    private static double egllFeet() {
        return airport("EGLL").elevationM() / Geo.FEET;
    }

    @Test
    void towerCountsAirborneWithinTenMilesBelowFourThousandFeetAboveTheField() {
        AtcPosition twr = position("EGLL_TWR", AtcArea.AIRPORT, "EGLL", egll(), 50);
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("EGLL", 6, 270))
                        .feet(egllFeet() + 2_000)
                        .knots(160)
                        .build(), // final: in
                pilot(2).at(from("EGLL", 9.5, 90))
                        .feet(egllFeet() + 3_900)
                        .knots(200)
                        .build(), // edge: in
                pilot(3).at(from("EGLL", 10.5, 90))
                        .feet(egllFeet() + 2_000)
                        .knots(200)
                        .build(), // too far
                pilot(4).at(from("EGLL", 5, 0))
                        .feet(egllFeet() + 4_100)
                        .knots(220)
                        .build(), // too high
                pilot(5).at(from("EGLL", 0.5, 0)).parked().feet(egllFeet()).build()); // ground's, not tower's
        WorkloadNow now = workload.now(twr, pilots);
        assertThat(now.facility()).isEqualTo(Facility.TOWER);
        assertThat(now.total()).isEqualTo(2);
        assertThat(now.onGround()).isZero();
    }

    @Test
    void groundAndDeliveryCountOnTheGroundWithinThreeMiles() {
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("EGLL", 1, 45)).parked().build(),
                pilot(2).at(from("EGLL", 2.9, 200)).parked().build(),
                pilot(3).at(from("EGLL", 3.2, 200)).parked().build(), // another field's apron
                pilot(4).at(from("EGLL", 1, 90))
                        .feet(egllFeet() + 800)
                        .knots(150)
                        .build()); // airborne
        for (String cs : List.of("EGLL_GND", "EGLL_DEL")) {
            WorkloadNow now = workload.now(position(cs, AtcArea.AIRPORT, "EGLL", egll(), 5), pilots);
            assertThat(now.facility()).isEqualTo(Facility.GROUND);
            assertThat(now.onGround()).as(cs).isEqualTo(2);
            assertThat(now.total()).as(cs).isEqualTo(2);
        }
    }

    @Test
    void approachRangeRingIsTheVisualRangeDefaultFortyCappedAtOneFifty() {
        Position kbdu = new Position(airport("KBDU").lat(), airport("KBDU").lon());
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("KBDU", 30, 0)).feet(9_000).knots(250).build(),
                pilot(2).at(from("KBDU", 45, 0)).feet(9_000).knots(250).build(),
                pilot(3).at(from("KBDU", 140, 0)).feet(20_000).knots(400).build(),
                pilot(4).at(from("KBDU", 160, 0)).feet(20_000).knots(400).build());
        int zero = workload.now(position("KBDU_APP", AtcArea.RANGE, "KBDU_APP", kbdu, 0), pilots)
                .total();
        int fifty = workload.now(position("KBDU_APP", AtcArea.RANGE, "KBDU_APP", kbdu, 50), pilots)
                .total();
        int huge = workload.now(position("KBDU_APP", AtcArea.RANGE, "KBDU_APP", kbdu, 600), pilots)
                .total();
        assertThat(zero).as("range 0 → 40 NM").isEqualTo(1);
        assertThat(fifty).isEqualTo(2);
        assertThat(huge).as("range 600 → 150 NM").isEqualTo(3);
    }

    @Test
    void approachWithATraconCountsInsideThePolygonAtAnyHeight() {
        AtcPosition ny = position("JFK_APP", AtcArea.TRACON, "N90", egll(), 0);
        WorkloadArea area = workload.area(ny);
        assertThat(area.shape()).isNotNull();
        assertThat(area.serves("KJFK")).isTrue();
        assertThat(area.serves("KBOS")).isFalse();
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("KJFK", 5, 220)).feet(3_000).knots(180).build(),
                pilot(2).at(from("KJFK", 0.3, 0)).parked().build(),
                pilot(3).at(from("KBOS", 5, 0)).feet(3_000).knots(180).build());
        WorkloadNow now = workload.now(ny, pilots);
        assertThat(now.total()).isEqualTo(2);
        assertThat(now.onGround()).isEqualTo(1);
    }

    @Test
    void centreCountsInsideItsFirAndServesTheAirportsInside() {
        AtcPosition lon = position("LON_S_CTR", AtcArea.FIR, "EGTT-S", egll(), 600);
        WorkloadArea area = workload.area(lon);
        assertThat(area.facility()).isEqualTo(Facility.CENTRE);
        assertThat(area.serves("EGLL")).isTrue();
        assertThat(area.serves("LFPG")).isFalse();
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("EGKK", 20, 180)).feet(30_000).build(),
                pilot(2).at(from("LFPG", 20, 0)).feet(30_000).build());
        assertThat(workload.now(lon, pilots).total()).isEqualTo(1);
    }

    @Test
    void atisAndUnplacedPositionsHaveNoWorkload() {
        AtcPosition atis = new AtcPosition(
                "vatsim-egll_atis",
                "EGLL_ATIS",
                AtcPosition.ATIS,
                1,
                null,
                null,
                null,
                128.075,
                0,
                "A",
                null,
                null,
                0,
                egll(),
                new AtcArea(AtcArea.AIRPORT, "EGLL", null),
                "vatsim");
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("EGLL", 0.5, 0)).parked().plan("EGLL", "LFPG").build());
        WorkloadNow now = workload.now(atis, pilots);
        assertThat(now.facility()).isEqualTo(Facility.ATIS);
        assertThat(now.total()).isZero();
        assertThat(now.filedDepartures()).isZero();
        assertThat(workload.area(position("EGLL_OBS", AtcArea.AIRPORT, "EGLL", egll(), 0))
                        .isNone())
                .isTrue();
    }

    @Test
    void theBoundsHoldTheWholeAreaSoAHistoryQueryByBoxMissesNothing() {
        AtcPosition twr = position("EGLL_TWR", AtcArea.AIRPORT, "EGLL", egll(), 50);
        io.skysentinel.core.BoundingBox box = workload.area(twr).bounds();
        for (double bearing = 0; bearing < 360; bearing += 15) {
            Position edge = from("EGLL", 9.99, bearing);
            assertThat(box.contains(edge.lat(), edge.lon()))
                    .as("bearing " + bearing)
                    .isTrue();
        }
        assertThat(box.contains(egll().lat() + 0.3, egll().lon()))
                .as("20 NM north")
                .isFalse();
        AtcPosition ctr = position("EGTT_CTR", AtcArea.FIR, "EGTT", egll(), 0);
        io.skysentinel.core.BoundingBox fir = workload.area(ctr).bounds();
        assertThat(fir.contains(egll().lat(), egll().lon())).isTrue();
        assertThat(fir.areaSqDeg()).as("a box around London FIR, not the world").isBetween(10.0, 200.0);
        assertThat(WorkloadArea.NONE.bounds()).isNull();
    }
}
