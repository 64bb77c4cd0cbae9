package io.skysentinel.source.sim;

/**
 * Flat-earth local geometry. Over one tick (and over a 100 km region) the error against a great circle is far
 * below what anyone looking at synthetic traffic could notice, and it costs a few multiplications per aircraft.
 */
final class Geo {

    static final double METRES_PER_DEGREE = 111_320.0;

    private Geo() {}

    /** Degrees into [0, 360). */
    static double normalizeDeg(double deg) {
        double d = deg % 360.0;
        if (d < 0) d += 360.0;
        return d >= 360.0 ? 0.0 : d;
    }

    /** Longitude into [-180, 180]. */
    static double wrapLon(double lon) {
        if (lon > 180.0 || lon < -180.0) {
            lon = ((lon + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
        }
        return lon;
    }

    /** Signed smallest turn from one heading to another, in (-180, 180]; positive is clockwise. */
    static double turnDeg(double fromDeg, double toDeg) {
        double d = normalizeDeg(toDeg - fromDeg);
        return d > 180.0 ? d - 360.0 : d;
    }

    static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double east = wrapLon(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return normalizeDeg(Math.toDegrees(Math.atan2(east, lat2 - lat1)));
    }

    static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double east = wrapLon(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(east, lat2 - lat1) * METRES_PER_DEGREE;
    }

    /** Latitude of the point {@code distanceM} away along {@code bearingDeg}. */
    static double offsetLat(double lat, double bearingDeg, double distanceM) {
        return lat + distanceM * Math.cos(Math.toRadians(bearingDeg)) / METRES_PER_DEGREE;
    }

    /** Longitude of the point {@code distanceM} away along {@code bearingDeg}. */
    static double offsetLon(double lat, double lon, double bearingDeg, double distanceM) {
        return wrapLon(lon
                + distanceM
                        * Math.sin(Math.toRadians(bearingDeg))
                        / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat))));
    }

    static double clamp(double v, double min, double max) {
        return v < min ? min : Math.min(v, max);
    }

    /** Moves {@code value} towards {@code target} by at most {@code ratePerS * dt}. */
    static double approach(double value, double target, double ratePerS, double dt) {
        double maxChange = ratePerS * dt;
        double diff = target - value;
        return Math.abs(diff) <= maxChange ? target : value + Math.signum(diff) * maxChange;
    }
}
