package io.skysentinel.analytics.airports;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Airport;
import io.skysentinel.core.Geo;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The built-in index: codes, runways, and the grid lookup over the real ~490 airports. */
class CatalogAirportIndexTest {

    final CatalogAirportIndex catalog = CatalogAirportIndex.builtIn();

    @Test
    void findsByIcaoOrIataIgnoringCase() {
        assertThat(catalog.find("lszh")).get().extracting(Airport::name).isEqualTo("Zurich");
        assertThat(catalog.find("ZRH")).get().extracting(Airport::icao).isEqualTo("LSZH");
        assertThat(catalog.find("XXXX")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void nearestAgreesWithAScanOfEveryAirport() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            double lat = -90 + rng.nextDouble() * 180;
            double lon = -180 + rng.nextDouble() * 360;
            double radius = rng.nextDouble() < 0.5 ? 20_000 : 400_000;
            Airport expected = null;
            double best = radius;
            for (Airport a : catalog.all()) {
                double d = Geo.distanceM(lat, lon, a.lat(), a.lon());
                if (d <= best) {
                    best = d;
                    expected = a;
                }
            }
            var found = catalog.nearest(lat, lon, radius);
            if (expected == null) assertThat(found).as(lat + "," + lon).isEmpty();
            else
                assertThat(found)
                        .as(lat + "," + lon)
                        .get()
                        .extracting(n -> n.airport().icao())
                        .isEqualTo(expected.icao());
        }
    }

    @Test
    void aPointAtTheAirportIsZeroMetresAway() {
        var n = catalog.nearest(47.4647, 8.5492, 5_000).orElseThrow();
        assertThat(n.airport().icao()).isEqualTo("LSZH");
        assertThat(n.distanceM()).isLessThan(1);
    }

    @Test
    void curatedRunwaysBelongToTheirAirport() {
        assertThat(catalog.runways("LSZH"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.airportIcao()).isEqualTo("LSZH"));
        assertThat(catalog.runways("XXXX")).isEmpty();
    }
}
