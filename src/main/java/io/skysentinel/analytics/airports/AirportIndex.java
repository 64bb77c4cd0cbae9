package io.skysentinel.analytics.airports;

import io.skysentinel.core.AirportCatalog;
import java.util.List;

/** What the detectors ask of the airports: the nearest one (the catalog's lookup), and the runway an aircraft used. */
public interface AirportIndex extends AirportCatalog {

    /** Curated runway ends of an airport (empty for most airports). */
    List<RunwayEnd> runways(String icao);
}
