package io.skysentinel.analytics.workload;

import static io.skysentinel.analytics.workload.Fixtures.from;
import static io.skysentinel.analytics.workload.Fixtures.pilot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.Position;
import org.junit.jupiter.api.Test;

/** The ETA formula and dead reckoning on hand-made tracks. */
class EtaModelTest {

    private final AirportCatalog airports = Fixtures.airports().catalog();

    @Test
    void enRouteAtGroundspeedTheLastFortyMilesAtTwoHundredKnotsPlusThreeMinutes() {
        // 240 NM at 480 kt: 200 NM in 25 min, then 40 NM at 200 kt in 12 min, then 3 min
        assertThat(EtaModel.minutes(240, 480)).isCloseTo(25 + 12 + 3, within(1e-9));
        // inside the last 40 NM and slower than 200 kt: the groundspeed itself (20 NM at 150 kt: 8 min)
        assertThat(EtaModel.minutes(20, 150)).isCloseTo(8 + 3, within(1e-9));
        assertThat(EtaModel.minutes(0, 300)).isCloseTo(3, within(1e-9));
    }

    @Test
    void aPilotInboundGetsTheFormulaOverTheGreatCircleToItsDestination() {
        Aircraft inbound = pilot(1).at(from("EGLL", 240, 90))
                .knots(480)
                .plan("EPWA", "EGLL")
                .build();
        assertThat(EtaModel.etaMinutes(inbound, airports)).hasValueCloseTo(40.0, within(0.05));
    }

    @Test
    void noEtaOnTheGroundTooSlowWithoutPlanOrWithAnUnknownDestination() {
        Position p = from("EGLL", 50, 90);
        assertThat(EtaModel.etaMinutes(
                        pilot(1).at(p).parked().plan("EGLL", "LFPG").build(), airports))
                .isEmpty();
        assertThat(EtaModel.etaMinutes(
                        pilot(2).at(p).knots(45).feet(1500).plan("EGKK", "EGLL").build(), airports))
                .isEmpty();
        assertThat(EtaModel.etaMinutes(pilot(3).at(p).build(), airports)).isEmpty();
        assertThat(EtaModel.etaMinutes(pilot(4).at(p).plan("EGKK", "ZZZZ").build(), airports))
                .isEmpty();
    }

    @Test
    void deadReckoningFollowsTheGreatCircleOfTheTrack() {
        // on the equator due east at 480 kt: 240 NM in 30 min, i.e. 4 degrees of longitude (1 NM ≈ 1 arcminute)
        Position p =
                Tracks.at(pilot(1).at(new Position(0, 0)).knots(480).track(90).build(), 30 * 60);
        assertThat(p.lat()).isCloseTo(0, within(1e-9));
        assertThat(p.lon()).isCloseTo(4.0, within(0.01));
        Position parked = new Position(10, 10);
        assertThat(Tracks.at(pilot(2).at(parked).parked().track(90).build(), 3600))
                .isEqualTo(parked);
        assertThat(Tracks.at(pilot(3).at(parked).build(), 3600))
                .as("no direction: stays")
                .isEqualTo(parked);
    }

    @Test
    void towardsDestinationFliesTheGreatCircleAndStopsThere() {
        // 100 NM east of Heathrow at 400 kt, inbound: 10 min later 33.3 NM to go, 30 min later at the field
        Aircraft a = pilot(1).at(from("EGLL", 100, 90))
                .knots(400)
                .track(0)
                .plan("EHAM", "EGLL")
                .build();
        var egll = Fixtures.airport("EGLL");
        Position p = Tracks.towardsDestination(a, 600, airports);
        double leftNm = io.skysentinel.core.Geo.distanceM(p.lat(), p.lon(), egll.lat(), egll.lon()) / 1852;
        assertThat(leftNm).isCloseTo(100 - 400.0 / 6, within(0.01));
        assertThat(Tracks.towardsDestination(a, 1800, airports)).isEqualTo(new Position(egll.lat(), egll.lon()));
        Aircraft noPlan = pilot(2).at(from("EGLL", 100, 90)).knots(400).track(0).build();
        assertThat(Tracks.towardsDestination(noPlan, 600, airports)).isEqualTo(Tracks.at(noPlan, 600));
    }

    @Test
    void reachesCountsAnAircraftEnteringTheAreaWithinTheHorizon() {
        WorkloadArea tower = WorkloadArea.circle(
                Facility.TOWER,
                from("EGLL", 0, 0),
                WorkloadSettings.TOWER_RADIUS_NM,
                3_000,
                WorkloadArea.Who.AIRBORNE,
                java.util.Set.of("EGLL"));
        // 50 NM west, eastbound at 300 kt: the 10 NM ring after 40 NM, i.e. 8 min
        Aircraft a = pilot(1).at(from("EGLL", 50, 270))
                .feet(2_500)
                .knots(300)
                .track(90)
                .build();
        assertThat(Tracks.reaches(a, tower, 5)).isFalse();
        assertThat(Tracks.reaches(a, tower, 15)).isTrue();
        assertThat(Tracks.entryMinutes(a, tower, 60)).isBetween(8.0, 9.0);
        Aircraft away = pilot(2).at(from("EGLL", 50, 270))
                .feet(2_500)
                .knots(300)
                .track(270)
                .build();
        assertThat(Tracks.reaches(away, tower, 60)).isFalse();
    }
}
