package io.skysentinel.core;

/**
 * A lat/lon box, degrees, edges included. {@code lomin > lomax} is a box that crosses the antimeridian (e.g. 170 to
 * -170). The one box type of the REST filters, the push filters and the history queries; each front end parses its
 * own syntax and turns this constructor's refusal into its own error.
 *
 * @throws IllegalArgumentException for a value that is not finite, a latitude outside -90..90, a longitude outside
 *                                  -180..180, or lamin above lamax; the message says which
 */
public record BoundingBox(double lamin, double lomin, double lamax, double lomax) {

    public BoundingBox {
        if (!Double.isFinite(lamin) || !Double.isFinite(lomin) || !Double.isFinite(lamax) || !Double.isFinite(lomax))
            throw new IllegalArgumentException("values must be finite numbers");
        if (Math.abs(lamin) > 90 || Math.abs(lamax) > 90)
            throw new IllegalArgumentException("latitudes must be within -90..90");
        if (Math.abs(lomin) > 180 || Math.abs(lomax) > 180)
            throw new IllegalArgumentException("longitudes must be within -180..180");
        if (lamin > lamax) throw new IllegalArgumentException("lamin must not be greater than lamax");
    }

    public boolean contains(double lat, double lon) {
        if (lat < lamin || lat > lamax) return false;
        return crossesAntimeridian() ? lon >= lomin || lon <= lomax : lon >= lomin && lon <= lomax;
    }

    public boolean crossesAntimeridian() {
        return lomin > lomax;
    }

    /** Width times height in square degrees, the width counted across the antimeridian where the box crosses it. */
    public double areaSqDeg() {
        double width = crossesAntimeridian() ? 360 - (lomin - lomax) : lomax - lomin;
        return (lamax - lamin) * width;
    }
}
