package io.skysentinel.core;

import java.util.List;
import java.util.Optional;

/**
 * The airports the service knows: a built-in set of major airports, possibly extended by an import. Answers the one
 * nearest-airport lookup that analytics (which airport is this aircraft at?) and history (a leg's departure and
 * arrival) share.
 */
public interface AirportCatalog {

    List<Airport> all();

    /** By ICAO (or IATA when no ICAO matches), case-insensitive. */
    Optional<Airport> find(String code);

    /** The airport nearest to the point within {@code maxDistanceM} (great circle), or empty. */
    Optional<Nearby> nearest(double lat, double lon, double maxDistanceM);

    /** An airport and how far the point asked about is from it. */
    record Nearby(Airport airport, double distanceM) {}
}
