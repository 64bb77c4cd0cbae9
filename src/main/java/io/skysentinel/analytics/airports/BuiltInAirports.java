package io.skysentinel.analytics.airports;

import io.skysentinel.core.Airport;
import io.skysentinel.core.Geo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The airports bundled with the service: {@code airports/major-airports.csv} (about 490 of the world's busiest
 * airports, every continent) and {@code airports/runways.csv} (runway thresholds of a dozen of them). Provenance and
 * checks are in src/main/resources/airports/README.md.
 */
public final class BuiltInAirports {

    public static final String AIRPORTS = "/airports/major-airports.csv";
    public static final String RUNWAYS = "/airports/runways.csv";

    private BuiltInAirports() {}

    public static List<Airport> airports() {
        return CsvLines.read(AIRPORTS, BuiltInAirports::airport);
    }

    public static List<RunwayEnd> runways() {
        List<RunwayEnd> out = new ArrayList<>();
        for (List<RunwayEnd> pair : CsvLines.read(RUNWAYS, BuiltInAirports::runwayPair)) out.addAll(pair);
        return out;
    }

    static Airport airport(Map<String, String> r) {
        String elevation = r.get("elevation_m");
        return new Airport(
                r.get("icao").toUpperCase(Locale.ROOT),
                blankToNull(r.get("iata")),
                r.get("name"),
                Double.parseDouble(r.get("lat")),
                Double.parseDouble(r.get("lon")),
                elevation.isBlank() ? Double.NaN : Double.parseDouble(elevation),
                r.get("country"),
                r.get("region"));
    }

    /** Both directions of one runway; each heading points from its own threshold towards the other. */
    static List<RunwayEnd> runwayPair(Map<String, String> r) {
        String icao = r.get("airport");
        double leLat = Double.parseDouble(r.get("le_lat")), leLon = Double.parseDouble(r.get("le_lon"));
        double heLat = Double.parseDouble(r.get("he_lat")), heLon = Double.parseDouble(r.get("he_lon"));
        return List.of(
                new RunwayEnd(icao, r.get("le_ident"), leLat, leLon, Geo.bearingDeg(leLat, leLon, heLat, heLon)),
                new RunwayEnd(icao, r.get("he_ident"), heLat, heLon, Geo.bearingDeg(heLat, heLon, leLat, leLon)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
