package io.skysentinel.analytics;

import io.skysentinel.analytics.airports.AirportIndex;
import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;

/**
 * Turns an accepted {@link Aircraft} into an {@link Observation}: uniform units, the nearby airport, a believed ground
 * flag.
 */
final class ObservationMaker {

    /** Airports further than this are no context for any rule (the go-around rule looks twice its 8 km radius out). */
    static final double LOOKUP_RADIUS_M = 20_000;
    /** With no airport near, a ground flag above this altitude is a glitch (the highest airports are ~4,400 m up). */
    static final double NO_AIRPORT_GROUND_MAX_M = 4_500;

    private final AirportIndex airports;
    private final double groundToleranceM;

    ObservationMaker(AirportIndex airports, double groundToleranceFt) {
        this.airports = airports;
        this.groundToleranceM = groundToleranceFt * Geo.FEET;
    }

    Observation of(Aircraft a) {
        Position p = a.position();
        double lat = p == null ? Double.NaN : p.lat(), lon = p == null ? Double.NaN : p.lon();
        double alt = nan(a.bestAltitudeM());
        AirportCatalog.Nearby near =
                p == null ? null : airports.nearest(lat, lon, LOOKUP_RADIUS_M).orElse(null);
        Airport airport = near == null ? null : near.airport();
        long contactMs = a.lastContactUnix() * 1000;
        long positionMs = a.timePositionUnix() == null ? contactMs : a.timePositionUnix() * 1000;
        return new Observation(
                a.id(),
                callsign(a.callsign()),
                contactMs,
                positionMs,
                lat,
                lon,
                alt,
                a.onGround(),
                a.onGround() && groundBelievable(alt, airport),
                nan(a.headingDeg()),
                nan(a.velocityMps()),
                nan(a.verticalRateMps()),
                a.squawk(),
                airport,
                near == null ? Double.NaN : near.distanceM(),
                a.source());
    }

    /** A ground flag is believed unless the altitude says the aircraft is well above the ground. */
    private boolean groundBelievable(double alt, Airport airport) {
        if (Double.isNaN(alt)) return true;
        if (airport != null && !Double.isNaN(airport.elevationM()))
            return alt - airport.elevationM() <= groundToleranceM;
        return alt <= NO_AIRPORT_GROUND_MAX_M;
    }

    private static String callsign(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
