package io.skysentinel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one nearest-airport lookup: the grid must find what a scan of every airport finds, everywhere on the globe. */
class GridAirportCatalogTest {

    static Airport airport(String icao, double lat, double lon) {
        return new Airport(icao, null, icao, lat, lon, 0, "XX", "XX");
    }

    @Test
    void nearestAgreesWithAScanOfEveryAirportIncludingPolesAndTheAntimeridian() {
        SplittableRandom rng = new SplittableRandom(11);
        List<Airport> airports = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // Uniform on the sphere, plus a share crowded at the poles and along the antimeridian.
            double lat = Math.toDegrees(Math.asin(2 * rng.nextDouble() - 1));
            double lon = -180 + rng.nextDouble() * 360;
            if (i % 10 == 0) lat = Math.copySign(89 + rng.nextDouble(), lat);
            if (i % 10 == 1) lon = Math.copySign(179 + rng.nextDouble(), lon);
            airports.add(airport(String.format("A%03d", i), lat, lon));
        }
        GridAirportCatalog catalog = new GridAirportCatalog(airports);
        for (int i = 0; i < 5_000; i++) {
            double lat = -90 + rng.nextDouble() * 180;
            if (i % 5 == 0) lat = Math.copySign(89.5 + rng.nextDouble() / 2, lat);
            double lon = -180 + rng.nextDouble() * 360;
            double radius = switch (i % 3) {
                case 0 -> 8_000;
                case 1 -> 30_000;
                default -> 400_000;
            };
            Airport expected = null;
            double best = radius;
            for (Airport a : airports) {
                double d = Geo.distanceM(lat, lon, a.lat(), a.lon());
                if (d <= best) {
                    best = d;
                    expected = a;
                }
            }
            var found = catalog.nearest(lat, lon, radius);
            String at = lat + "," + lon + " within " + radius;
            if (expected == null) assertThat(found).as(at).isEmpty();
            else
                assertThat(found)
                        .as(at)
                        .get()
                        .extracting(n -> n.airport().icao())
                        .isEqualTo(expected.icao());
        }
    }

    @Test
    void nearestWorksAcrossTheAntimeridian() {
        GridAirportCatalog c = new GridAirportCatalog(List.of(airport("AAAA", 0.0, 179.95)));
        assertThat(c.nearest(0.0, -179.97, 20_000))
                .get()
                .extracting(n -> n.airport().icao())
                .isEqualTo("AAAA");
    }

    @Test
    void nearestWorksAcrossAPole() {
        // 0.1° from the pole on opposite meridians: about 22 km apart over the top, 180° apart in longitude.
        GridAirportCatalog c = new GridAirportCatalog(List.of(airport("NPOL", 89.9, 0.0), airport("SPOL", -90, 0)));
        var north = c.nearest(89.9, 180.0, 30_000).orElseThrow();
        assertThat(north.airport().icao()).isEqualTo("NPOL");
        assertThat(north.distanceM()).isBetween(22_000.0, 22_500.0);
        assertThat(c.nearest(-89.95, 97.0, 8_000))
                .get()
                .extracting(n -> n.airport().icao())
                .isEqualTo("SPOL");
    }

    @Test
    void theRadiusIsInclusiveAndNothingBeyondItIsFound() {
        GridAirportCatalog c = new GridAirportCatalog(List.of(airport("LSZH", 47.458, 8.548)));
        double d = Geo.distanceM(47.5, 8.548, 47.458, 8.548);
        assertThat(c.nearest(47.5, 8.548, d)).isPresent();
        assertThat(c.nearest(47.5, 8.548, d - 1)).isEmpty();
        assertThat(c.nearest(Double.NaN, 8.548, 1e6)).isEmpty();
        assertThat(GridAirportCatalog.empty().nearest(47.458, 8.548, 1e6)).isEmpty();
    }

    @Test
    void findsByIcaoThenIataAndRefusesAnIcaoListedTwice() {
        Airport zrh = new Airport("LSZH", "ZRH", "Zurich", 47.458, 8.548, 432, "CH", "EU");
        GridAirportCatalog c = new GridAirportCatalog(List.of(zrh));
        assertThat(c.find(" lszh ")).contains(zrh);
        assertThat(c.find("zrh")).contains(zrh);
        assertThat(c.find(null)).isEmpty();
        assertThatThrownBy(() -> new GridAirportCatalog(List.of(zrh, zrh))).hasMessageContaining("LSZH");
    }
}
