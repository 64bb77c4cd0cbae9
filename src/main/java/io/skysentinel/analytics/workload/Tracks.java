package io.skysentinel.analytics.workload;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;

/**
 * Dead reckoning: an airborne aircraft continues along the great circle of its present track at its present
 * groundspeed and altitude (no turns, no climb or descent, no route). On the ground, or without a direction, it
 * stays where it is.
 */
public final class Tracks {

    private Tracks() {}

    /** Where the aircraft is {@code seconds} from now. */
    public static Position at(Aircraft a, double seconds) {
        double track = Flights.trackDeg(a);
        if (a.onGround() || Double.isNaN(track) || a.velocityMps() == null || a.velocityMps() <= 0) return a.position();
        double[] p = Geo.destination(a.position().lat(), a.position().lon(), track, a.velocityMps() * seconds);
        return new Position(p[0], p[1]);
    }

    /**
     * Where the aircraft is {@code seconds} from now flying the great circle to its filed destination at its present
     * groundspeed (stopping there); by its track ({@link #at}) when it has no known destination. An alternative to
     * dead reckoning for longer horizons, when routes turn: compared in docs/vatsim.md#workload-and-prediction.
     */
    public static Position towardsDestination(Aircraft a, double seconds, io.skysentinel.core.AirportCatalog airports) {
        io.skysentinel.core.Airport to = Flights.airport(airports, Flights.arrival(a));
        if (to == null || a.onGround() || a.velocityMps() == null || a.velocityMps() <= 0) return at(a, seconds);
        double left = Flights.distanceM(a, to);
        double go = a.velocityMps() * seconds;
        if (go >= left) return new Position(to.lat(), to.lon());
        double bearing = Geo.bearingDeg(a.position().lat(), a.position().lon(), to.lat(), to.lon());
        double[] p = Geo.destination(a.position().lat(), a.position().lon(), bearing, go);
        return new Position(p[0], p[1]);
    }

    /**
     * Whether the aircraft is inside the area now or at any one-minute sample up to {@code horizonMin}: inside, or
     * entering within the horizon.
     */
    public static boolean reaches(Aircraft a, WorkloadArea area, double horizonMin) {
        return !Double.isNaN(entryMinutes(a, area, horizonMin));
    }

    /** The first one-minute sample (minutes from now, 0 = inside now) at which it is inside, or NaN up to the limit. */
    public static double entryMinutes(Aircraft a, WorkloadArea area, double limitMin) {
        double end = limitMin * 60;
        for (double t = 0; t <= end + 1e-9; t += WorkloadSettings.EXTRAPOLATION_STEP_S) {
            if (area.contains(at(a, t), a.altitudeM(), a.onGround())) return t / 60;
        }
        return Double.NaN;
    }
}
