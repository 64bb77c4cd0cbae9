package io.skysentinel.analytics.workload;

import static io.skysentinel.analytics.workload.Fixtures.airport;
import static io.skysentinel.analytics.workload.Fixtures.from;
import static io.skysentinel.analytics.workload.Fixtures.pilot;
import static io.skysentinel.analytics.workload.Fixtures.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phases now and the 15/30/60-minute forecast of a London centre position on hand-made traffic. */
class ForecastTest {

    private final Workload workload = new Workload(Fixtures.rules());
    private final AtcPosition lonS = position(
            "LON_S_CTR",
            AtcArea.FIR,
            "EGTT-S",
            new Position(airport("EGLL").lat(), airport("EGLL").lon()),
            600);

    private Phase phase(Aircraft a) {
        return Phases.of(a, workload.area(lonS), Fixtures.airports().catalog());
    }

    @Test
    void phasesRelativeToTheAirportsInsideTheSector() {
        assertThat(phase(pilot(1).at(from("EGLL", 15, 250))
                        .feet(6_000)
                        .plan("EGLL", "LFPG")
                        .build()))
                .as("closer to its departure")
                .isEqualTo(Phase.DEPARTING);
        assertThat(phase(pilot(2).at(from("EGLL", 50, 90))
                        .feet(9_000)
                        .plan("KJFK", "EGLL")
                        .build()))
                .isEqualTo(Phase.ARRIVING);
        assertThat(phase(pilot(3).at(from("EGKK", 30, 150)).plan("LFPG", "EGPH").build()))
                .isEqualTo(Phase.OVERFLYING);
        assertThat(phase(pilot(4).at(from("EGLL", 5, 0))
                        .feet(2_000)
                        .plan("EGLL", "EGLL")
                        .build()))
                .as("a local flight lands where it left")
                .isEqualTo(Phase.ARRIVING);
        assertThat(phase(pilot(5).at(from("EGLL", 5, 0))
                        .feet(2_000)
                        .climbing(1_500)
                        .plan("EGLL", "EGLL")
                        .build()))
                .isEqualTo(Phase.DEPARTING);
        assertThat(phase(pilot(6).at(from("EGLL", 0.4, 0))
                        .parked()
                        .plan("EGLL", "LFPG")
                        .build()))
                .isEqualTo(Phase.ON_GROUND);
        assertThat(phase(pilot(7).at(from("EGKK", 10, 0)).feet(20_000).build()))
                .as("no plan")
                .isEqualTo(Phase.OVERFLYING);
    }

    @Test
    void filedPlansCountWhereverThePilotIs() {
        List<Aircraft> pilots = List.of(
                pilot(1).at(from("KJFK", 0.2, 0)).parked().plan("KJFK", "EGLL").build(),
                pilot(2).at(from("LFPG", 0.2, 0)).parked().plan("LFPG", "EGKK").build(),
                pilot(3).at(from("EGLL", 0.2, 0)).parked().plan("EGLL", "KJFK").build());
        WorkloadNow now = workload.now(lonS, pilots);
        assertThat(now.filedArrivals()).isEqualTo(2);
        assertThat(now.filedDepartures()).isEqualTo(1);
        assertThat(now.total()).isEqualTo(1);
        assertThat(now.onGround()).isEqualTo(1);
    }

    @Test
    void forecastCountsArrivalsByEtaDeparturesByRateAndOverflightsByTrack() {
        List<Aircraft> pilots = List.of(
                // 100 NM at 400 kt: 60 NM in 9 min + 12 + 3 = 24 min
                pilot(1).at(from("EGLL", 100, 90))
                        .knots(400)
                        .plan("EHAM", "EGLL")
                        .build(),
                // 300 NM at 450 kt: 260 NM in 34.7 min + 12 + 3 = 49.7 min
                pilot(2).at(from("EGLL", 300, 60))
                        .knots(450)
                        .plan("EKCH", "EGLL")
                        .build(),
                pilot(3).at(from("EGLL", 0.5, 0)).parked().plan("EGLL", "LFPG").build(),
                pilot(4).at(from("EGLL", 1.0, 180))
                        .parked()
                        .plan("EGLL", "EDDF")
                        .build(),
                pilot(5).at(from("EGLL", 1.0, 180)).parked().build(), // no plan: not a departure
                // over the Channel, northbound: over Gatwick within 15 min
                pilot(6).at(from("EGKK", 60, 180))
                        .knots(420)
                        .track(0)
                        .plan("LFPG", "EGPH")
                        .build(),
                // leaving the other way
                pilot(7).at(from("LFPG", 30, 180))
                        .knots(420)
                        .track(180)
                        .plan("EGPH", "LFMN")
                        .build());
        List<Forecast> f = workload.forecast(workload.area(lonS), pilots);
        assertThat(f).extracting(Forecast::horizonMin).containsExactly(15, 30, 60);
        assertThat(f).extracting(x -> x.arrivals().value()).containsExactly(0.0, 1.0, 2.0);
        for (Forecast x : f) {
            assertThat(x.departures().value())
                    .isCloseTo(
                            2 * (1 - Math.exp(-x.horizonMin() / WorkloadSettings.DEPARTURE_MEAN_WAIT_MIN)),
                            within(1e-9));
            assertThat(x.overflights().value()).isEqualTo(1.0);
        }
        assertThat(workload.forecast(workload.area(lonS), pilots, 30.0))
                .as("one horizon alone as in the pass over all")
                .isEqualTo(f.get(1));
        Estimate band = f.get(2).arrivals();
        assertThat(band.low()).isCloseTo(2 - Math.sqrt(2), within(1e-9));
        assertThat(band.high()).isCloseTo(2 + Math.sqrt(2), within(1e-9));
        assertThat(Estimate.poisson(0.25).low()).isZero();
    }
}
