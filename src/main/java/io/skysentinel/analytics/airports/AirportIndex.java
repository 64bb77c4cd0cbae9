package io.skysentinel.analytics.airports;

import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;

import java.util.List;
import java.util.Optional;

/** What the detectors ask of the airports: the nearest one, and the runway an aircraft used. */
public interface AirportIndex extends AirportCatalog {

    /** The airport nearest to the point within {@code maxDistanceM}, or empty. */
    Optional<Nearby> nearest(double lat, double lon, double maxDistanceM);

    /** Curated runway ends of an airport (empty for most airports). */
    List<RunwayEnd> runways(String icao);

    record Nearby(Airport airport, double distanceM) { }
}
