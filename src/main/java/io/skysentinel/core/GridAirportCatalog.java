package io.skysentinel.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory airports with a 1° grid for "nearest airport" (each state of every aircraft asks it, so it must not
 * scan the whole list): a lookup visits only the cells its radius can reach, across the antimeridian and, when the
 * circle contains a pole, every longitude. Immutable, so thread-safe.
 */
public final class GridAirportCatalog implements AirportCatalog {

    private static final double CELL_DEG = 1.0;
    private static final GridAirportCatalog EMPTY = new GridAirportCatalog(List.of());

    private final List<Airport> all;
    private final Map<String, Airport> byIcao = new HashMap<>();
    private final Map<String, Airport> byIata = new HashMap<>();
    private final Map<Long, List<Airport>> grid = new HashMap<>();

    /** @throws IllegalArgumentException when an ICAO code is listed twice */
    public GridAirportCatalog(List<Airport> airports) {
        this.all = List.copyOf(airports);
        for (Airport a : all) {
            if (byIcao.putIfAbsent(a.icao().toUpperCase(Locale.ROOT), a) != null)
                throw new IllegalArgumentException("airport " + a.icao() + " listed twice");
            if (a.iata() != null) byIata.putIfAbsent(a.iata().toUpperCase(Locale.ROOT), a);
            grid.computeIfAbsent(key(cell(a.lat()), wrapCell(cell(a.lon()))), k -> new ArrayList<>())
                    .add(a);
        }
    }

    /** No airports: every lookup is empty (history without a catalog). */
    public static GridAirportCatalog empty() {
        return EMPTY;
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
    public Optional<Nearby> nearest(double lat, double lon, double maxDistanceM) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) return Optional.empty();
        double dLat = maxDistanceM / Geo.METRES_PER_DEGREE;
        double dLon = lonReach(lat, dLat);
        int latFrom = cell(Math.max(-90, lat - dLat));
        int latTo = cell(Math.min(90, lat + dLat));
        int lonFrom = cell(lon - dLon);
        int lonTo = cell(lon + dLon);
        Airport best = null;
        double bestM = maxDistanceM;
        for (int la = latFrom; la <= latTo; la++) {
            for (int lo = lonFrom; lo <= lonTo; lo++) {
                List<Airport> in = grid.get(key(la, wrapCell(lo)));
                if (in == null) continue;
                for (Airport a : in) {
                    double d = Geo.distanceM(lat, lon, a.lat(), a.lon());
                    if (d <= bestM) {
                        bestM = d;
                        best = a;
                    }
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Nearby(best, bestM));
    }

    /**
     * Half the longitude span, degrees, that a circle of {@code dLat} degrees around the point can reach: wider
     * towards the poles (by the cosine at the circle's most poleward latitude); a circle that reaches a pole
     * contains every longitude, so 180.
     */
    private static double lonReach(double lat, double dLat) {
        double poleward = Math.abs(lat) + dLat;
        if (poleward >= 90) return 180;
        return Math.min(180, dLat / Math.cos(Math.toRadians(poleward)));
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
