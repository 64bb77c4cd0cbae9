package io.skysentinel.core;

/**
 * Spherical-earth helpers: good to a few metres over the tens of kilometres the detectors and the airport lookups
 * look at. In core because analytics and history both need them and may not import each other.
 */
public final class Geo {

    public static final double EARTH_RADIUS_M = 6_371_008.8;
    /** Metres along a meridian per degree of latitude (and along the equator per degree of longitude). */
    public static final double METRES_PER_DEGREE = EARTH_RADIUS_M * Math.PI / 180;

    public static final double FEET = 0.3048;
    public static final double KNOT_MPS = 1852.0 / 3600.0;
    public static final double FPM_MPS = FEET / 60.0;

    private Geo() {}

    /** Great-circle distance (haversine), metres. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial true bearing from point 1 to point 2, degrees 0..360. */
    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return normalize(Math.toDegrees(Math.atan2(y, x)));
    }

    /** The point {@code distanceM} from the start along the initial true bearing, as {lat, lon}. */
    public static double[] destination(double lat, double lon, double bearingDeg, double distanceM) {
        double d = distanceM / EARTH_RADIUS_M;
        double b = Math.toRadians(bearingDeg);
        double p1 = Math.toRadians(lat);
        double l1 = Math.toRadians(lon);
        double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
        double l2 =
                l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        return new double[] {Math.toDegrees(p2), normalize(Math.toDegrees(l2) + 180) - 180};
    }

    /** Signed smallest turn from {@code fromDeg} to {@code toDeg}, degrees in (-180, 180]; positive is clockwise. */
    public static double turnDeg(double fromDeg, double toDeg) {
        double d = normalize(toDeg - fromDeg);
        return d > 180 ? d - 360 : d;
    }

    /** Degrees into [0, 360). */
    public static double normalize(double deg) {
        double d = deg % 360;
        if (d < 0) d += 360;
        return d >= 360 ? 0 : d; // -1e-15 + 360 rounds to 360.0
    }
}
