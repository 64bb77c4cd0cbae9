package io.skysentinel.history;

import io.skysentinel.core.Airport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which airport is this point at? A 1-degree grid over the catalog, so a lookup checks only nearby airports. */
public final class NearestAirport {

    private final Map<Long, List<Airport>> cells = new HashMap<>();
    private final double maxKm;

    public NearestAirport(List<Airport> airports, double maxKm) {
        this.maxKm = maxKm;
        for (Airport a : airports) cells.computeIfAbsent(cell((int) Math.floor(a.lat()), (int) Math.floor(a.lon())), k -> new ArrayList<>()).add(a);
    }

    public static NearestAirport none() {
        return new NearestAirport(List.of(), 0);
    }

    /** ICAO of the closest airport within the distance bound, or null. */
    public String at(double lat, double lon) {
        int la = (int) Math.floor(lat), lo = (int) Math.floor(lon);
        Airport best = null;
        double bestKm = maxKm;
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++) {
                int x = Math.floorMod(lo + dx + 180, 360) - 180;
                for (Airport a : cells.getOrDefault(cell(la + dy, x), List.of())) {
                    double km = km(lat, lon, a.lat(), a.lon());
                    if (km <= bestKm) { bestKm = km; best = a; }
                }
            }
        return best == null ? null : best.icao();
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static long cell(int lat, int lon) {
        return (long) lat * 1000 + lon;
    }
}
