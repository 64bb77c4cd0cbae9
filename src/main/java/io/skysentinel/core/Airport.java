package io.skysentinel.core;

import java.util.Objects;

/**
 * Reference data for one airport. Shared by the movement detector (which airport is this aircraft at?) and
 * history (the {@code airports} table and its endpoints).
 *
 * @param icao       ICAO location indicator, upper case, e.g. "LSZH"; the key
 * @param iata       IATA code or null
 * @param name       display name
 * @param lat        aerodrome reference point, degrees
 * @param lon        aerodrome reference point, degrees
 * @param elevationM field elevation in metres above mean sea level (NaN when unknown)
 * @param country    ISO 3166-1 alpha-2 country code, e.g. "CH"
 * @param region     continent code as OurAirports uses it: AF, AN, AS, EU, NA, OC, SA
 */
public record Airport(
        String icao,
        String iata,
        String name,
        double lat,
        double lon,
        double elevationM,
        String country,
        String region) {
    public Airport {
        Objects.requireNonNull(icao, "icao");
        Objects.requireNonNull(name, "name");
        new Position(lat, lon); // validates the range
    }
}
