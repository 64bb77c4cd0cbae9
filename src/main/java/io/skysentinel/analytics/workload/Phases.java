package io.skysentinel.analytics.workload;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;

/**
 * The phase of an aircraft relative to a position's airports. On the ground wins; then departing (filed from one of
 * the position's airports and in the departure part of the flight: closer to the departure than to the arrival, the
 * arrival unknown, or climbing faster than 500 ft/min); then arriving (filed to one of them); else overflying. A
 * local flight (departure = arrival) is arriving unless it climbs.
 */
public final class Phases {

    private Phases() {}

    public static Phase of(Aircraft a, WorkloadArea area, AirportCatalog airports) {
        if (a.onGround()) return Phase.ON_GROUND;
        String dep = Flights.departure(a);
        String arr = Flights.arrival(a);
        if (area.serves(dep) && departurePart(a, dep, arr, airports)) return Phase.DEPARTING;
        if (area.serves(arr)) return Phase.ARRIVING;
        return Phase.OVERFLYING;
    }

    private static boolean departurePart(Aircraft a, String dep, String arr, AirportCatalog airports) {
        boolean climbing = a.verticalRateMps() != null && a.verticalRateMps() > WorkloadSettings.CLIMBING_MPS;
        if (climbing) return true;
        double toDep = Flights.distanceM(a, Flights.airport(airports, dep));
        double toArr = Flights.distanceM(a, Flights.airport(airports, arr));
        return Double.isInfinite(toArr) ? !Double.isInfinite(toDep) : toDep < toArr;
    }
}
