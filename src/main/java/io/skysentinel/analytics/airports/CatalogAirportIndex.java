package io.skysentinel.analytics.airports;

import io.skysentinel.core.Airport;
import io.skysentinel.core.GridAirportCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link GridAirportCatalog} (the one nearest-airport lookup, shared with history) plus the curated runway ends
 * the runway designator needs. Immutable, so thread-safe.
 */
public final class CatalogAirportIndex implements AirportIndex {

    private final GridAirportCatalog catalog;
    private final Map<String, List<RunwayEnd>> runways = new HashMap<>();

    public CatalogAirportIndex(List<Airport> airports, List<RunwayEnd> runwayEnds) {
        this.catalog = new GridAirportCatalog(airports);
        for (RunwayEnd r : runwayEnds)
            runways.computeIfAbsent(r.airportIcao(), k -> new ArrayList<>()).add(r);
        runways.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The bundled major airports and runways. */
    public static CatalogAirportIndex builtIn() {
        return new CatalogAirportIndex(BuiltInAirports.airports(), BuiltInAirports.runways());
    }

    @Override
    public List<Airport> all() {
        return catalog.all();
    }

    @Override
    public Optional<Airport> find(String code) {
        return catalog.find(code);
    }

    @Override
    public Optional<Nearby> nearest(double lat, double lon, double maxDistanceM) {
        return catalog.nearest(lat, lon, maxDistanceM);
    }

    @Override
    public List<RunwayEnd> runways(String icao) {
        return runways.getOrDefault(icao, List.of());
    }
}
