package io.skysentinel.analytics.airports;

import io.skysentinel.analytics.track.Geo;
import io.skysentinel.core.Airport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory airports with a 1° grid for "nearest airport" (each state of every aircraft asks it, so it must not
 * scan the whole list): a lookup visits only the cells its radius can reach. Immutable, so thread-safe.
 */
public final class GridAirportCatalog implements AirportIndex {

    private static final double CELL_DEG = 1.0;
    private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_M * Math.PI / 180;

    private final List<Airport> all;
    private final Map<String, Airport> byIcao = new HashMap<>();
    private final Map<String, Airport> byIata = new HashMap<>();
    private final Map<Long, List<Airport>> grid = new HashMap<>();
    private final Map<String, List<RunwayEnd>> runways = new HashMap<>();

    public GridAirportCatalog(List<Airport> airports, List<RunwayEnd> runwayEnds) {
        this.all = List.copyOf(airports);
        for (Airport a : all) {
            if (byIcao.putIfAbsent(a.icao().toUpperCase(Locale.ROOT), a) != null)
                throw new IllegalArgumentException("airport " + a.icao() + " listed twice");
            if (a.iata() != null) byIata.putIfAbsent(a.iata().toUpperCase(Locale.ROOT), a);
            grid.computeIfAbsent(key(cell(a.lat()), wrapCell(cell(a.lon()))), k -> new ArrayList<>()).add(a);
        }
        for (RunwayEnd r : runwayEnds) runways.computeIfAbsent(r.airportIcao(), k -> new ArrayList<>()).add(r);
        runways.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The bundled major airports and runways. */
    public static GridAirportCatalog builtIn() {
        return new GridAirportCatalog(BuiltInAirports.airports(), BuiltInAirports.runways());
    }

    @Override
    public List<Airport> all() {
        return all;
    }

    @Override
    public Optional<Airport> find(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip().toUpperCase(Locale.ROOT);
        Airport a = byIcao.get(c);
        return Optional.ofNullable(a != null ? a : byIata.get(c));
    }

    @Override
    public List<RunwayEnd> runways(String icao) {
        return runways.getOrDefault(icao, List.of());
    }

    @Override
    public Optional<Nearby> nearest(double lat, double lon, double maxDistanceM) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) return Optional.empty();
        double dLat = maxDistanceM / METRES_PER_DEGREE;
        double cos = Math.cos(Math.toRadians(Math.min(89.0, Math.abs(lat) + dLat)));
        double dLon = Math.min(180.0, dLat / Math.max(cos, 1e-6));
        int latFrom = cell(Math.max(-90, lat - dLat)), latTo = cell(Math.min(90, lat + dLat));
        int lonFrom = cell(lon - dLon), lonTo = cell(lon + dLon);
        Airport best = null;
        double bestM = maxDistanceM;
        for (int la = latFrom; la <= latTo; la++) {
            for (int lo = lonFrom; lo <= lonTo; lo++) {
                List<Airport> in = grid.get(key(la, wrapCell(lo)));
                if (in == null) continue;
                for (Airport a : in) {
                    double d = Geo.distanceM(lat, lon, a.lat(), a.lon());
                    if (d <= bestM) { bestM = d; best = a; }
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Nearby(best, bestM));
    }

    private static int cell(double deg) {
        return (int) Math.floor(deg / CELL_DEG);
    }

    /** Longitude cells wrap at the antimeridian: cell 180 is cell -180. */
    private static int wrapCell(int lonCell) {
        int n = (int) Math.round(360 / CELL_DEG);
        return Math.floorMod(lonCell + n / 2, n) - n / 2;
    }

    private static long key(int latCell, int lonCell) {
        return ((long) latCell << 32) ^ (lonCell & 0xffffffffL);
    }
}
