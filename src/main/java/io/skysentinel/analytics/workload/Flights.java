package io.skysentinel.analytics.workload;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.Geo;

/** Small reads of one aircraft state the workload rules share. */
final class Flights {

    private Flights() {}

    static FlightPlan plan(Aircraft a) {
        return a.vatsim() == null ? null : a.vatsim().flightPlan();
    }

    static String departure(Aircraft a) {
        FlightPlan p = plan(a);
        return p == null ? null : p.departure();
    }

    static String arrival(Aircraft a) {
        FlightPlan p = plan(a);
        return p == null ? null : p.arrival();
    }

    /** The catalog's airport with exactly this ICAO (not an IATA match), or null. */
    static Airport airport(AirportCatalog airports, String icao) {
        if (icao == null) return null;
        return airports.find(icao).filter(x -> x.icao().equalsIgnoreCase(icao)).orElse(null);
    }

    /** Great-circle distance from the aircraft to the airport, metres; infinity when either is unknown. */
    static double distanceM(Aircraft a, Airport to) {
        if (to == null || a.position() == null) return Double.POSITIVE_INFINITY;
        return Geo.distanceM(a.position().lat(), a.position().lon(), to.lat(), to.lon());
    }

    static double groundspeedKt(Aircraft a) {
        return a.velocityMps() == null ? 0 : a.velocityMps() / Geo.KNOT_MPS;
    }

    /**
     * The direction it moves in, degrees true: the derived track, else the feed's magnetic heading (off by the
     * magnetic variation and the wind correction: a first sighting has no derived track); NaN when neither is known.
     */
    static double trackDeg(Aircraft a) {
        if (a.headingDeg() != null) return a.headingDeg();
        if (a.vatsim() != null && a.vatsim().headingMagneticDeg() != null)
            return a.vatsim().headingMagneticDeg();
        return Double.NaN;
    }
}
