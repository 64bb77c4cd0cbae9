package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.GridAirportCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlightLegsTest {

    static final AirportCatalog AIRPORTS = new GridAirportCatalog(List.of(
            new Airport("LSZH", "ZRH", "Zurich", 47.458, 8.548, 432, "CH", "EU"),
            new Airport("EGLL", "LHR", "Heathrow", 51.47, -0.46, 25, "GB", "EU")));
    static final long MIN = 60_000;

    FlightLegs legs = new FlightLegs(30 * MIN, 300, AIRPORTS, 8_000);

    static PositionRow at(long t, double lat, double lon, Double alt, boolean ground) {
        return new PositionRow(t, "4b1805", "SWR12", lat, lon, alt, null, 100.0, 90.0, 0.0, ground, null, "sim");
    }

    @Test
    void aFlightFromGroundToGroundIsOneLegWithBothAirports() {
        legs.accept(at(0, 47.46, 8.55, null, true));
        legs.accept(at(MIN, 47.5, 8.4, 1500.0, false));
        legs.accept(at(25 * MIN, 50.0, 3.0, 11000.0, false));
        legs.accept(at(50 * MIN, 51.47, -0.45, null, true));

        List<FlightLegs.Leg> changed = legs.drainChanged();
        assertThat(changed)
                .containsExactly(new FlightLegs.Leg("4b1805", 0, 50 * MIN, "SWR12", "LSZH", "EGLL", 11000.0));
        assertThat(legs.drainChanged()).isEmpty();
    }

    @Test
    void anAirportIsOnlyTheDepartureOrArrivalWithinTheRadius() {
        // 0.1° of latitude is 11.1 km: outside the 8 km radius; 0.06° (6.7 km) is inside.
        legs.accept(at(0, 47.458 + 0.1, 8.548, null, true));
        legs.accept(at(MIN, 47.6, 8.5, 1500.0, false));
        legs.accept(at(20 * MIN, 51.47 - 0.06, -0.46, null, true));

        assertThat(legs.drainChanged()).singleElement().satisfies(l -> {
            assertThat(l.departure()).isNull();
            assertThat(l.arrival()).isEqualTo("EGLL");
        });
    }

    @Test
    void takingOffAgainAfterLandingStartsANewLegFromThatAirport() {
        legs.accept(at(0, 50.0, 3.0, 9000.0, false));
        legs.accept(at(10 * MIN, 51.47, -0.45, null, true));
        legs.accept(at(25 * MIN, 51.48, -0.47, 400.0, false));

        List<FlightLegs.Leg> changed = legs.drainChanged();
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0)).isEqualTo(new FlightLegs.Leg("4b1805", 0, 10 * MIN, "SWR12", null, "EGLL", 9000.0));
        assertThat(changed.get(1).firstSeenMs()).isEqualTo(25 * MIN);
        assertThat(changed.get(1).departure()).isEqualTo("EGLL");
    }

    @Test
    void aContactGapEndsTheLegAndARepeatedStateIsRefused() {
        assertThat(legs.accept(at(0, 45.0, 5.0, 9000.0, false))).isTrue();
        assertThat(legs.accept(at(0, 45.0, 5.0, 9000.0, false)))
                .isFalse(); // same time again (a resync): not stored twice
        assertThat(legs.accept(at(31 * MIN, 45.5, 5.0, 9000.0, false))).isTrue();

        List<FlightLegs.Leg> changed = legs.drainChanged();
        assertThat(changed).extracting(FlightLegs.Leg::firstSeenMs).containsExactly(0L, 31 * MIN);
        assertThat(changed.get(1).departure()).isNull(); // first seen high: departure unknown
    }

    @Test
    void requeuedLegsComeBackUnlessANewerStateWaits() {
        legs.accept(at(0, 45.0, 5.0, 9000.0, false));
        List<FlightLegs.Leg> failed = legs.drainChanged();
        legs.requeue(failed);
        assertThat(legs.drainChanged()).isEqualTo(failed);
        legs.accept(at(MIN, 45.1, 5.0, 9500.0, false));
        legs.requeue(failed);
        assertThat(legs.drainChanged())
                .singleElement()
                .extracting(FlightLegs.Leg::lastSeenMs)
                .isEqualTo(MIN);
    }

    @Test
    void forgottenAircraftStartFresh() {
        legs.accept(at(0, 45.0, 5.0, 9000.0, false));
        assertThat(legs.forgetBefore(1)).isEqualTo(1);
        assertThat(legs.tracked()).isZero();
    }
}
