package io.skysentinel.atc;

import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** The {@code range} area: a circle of the visual range around a position, as a closed polygon ring. */
public final class RangeCircle {

    public static final int VERTICES = 64;
    private static final double NM_M = 1852.0;

    private RangeCircle() {}

    /**
     * {@link #VERTICES} points at the great-circle distance {@code radiusNm} from the centre, clockwise from north,
     * plus the closing point. Longitudes stay in ±180 (a circle across the antimeridian is cut by the drawing side).
     */
    public static Polygon around(Position centre, double radiusNm) {
        double radiusM = Math.max(0, radiusNm) * NM_M;
        Coordinate[] ring = new Coordinate[VERTICES + 1];
        for (int i = 0; i < VERTICES; i++) {
            double[] p = Geo.destination(centre.lat(), centre.lon(), 360.0 * i / VERTICES, radiusM);
            ring[i] = new Coordinate(p[1], p[0]);
        }
        ring[VERTICES] = ring[0].copy();
        return GeoJson.FACTORY.createPolygon(ring);
    }
}
