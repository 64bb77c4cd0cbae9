package io.skysentinel.core;

import java.util.List;
import java.util.Optional;

/** The airports the service knows: a built-in set of major airports, possibly extended by an import. */
public interface AirportCatalog {

    List<Airport> all();

    /** By ICAO (or IATA when no ICAO matches), case-insensitive. */
    Optional<Airport> find(String code);
}
