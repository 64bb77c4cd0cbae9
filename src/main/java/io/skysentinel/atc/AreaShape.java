package io.skysentinel.atc;

import io.skysentinel.core.Position;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One area by its key, as {@code GET /api/atc-areas/{kind}/{id}} serves it.
 *
 * @param kind     an {@link io.skysentinel.core.AtcArea} kind
 * @param id       its key in the kind
 * @param name     its name, or null
 * @param geometry a Point (airport), a MultiPolygon (FIR, UIR, TRACON) or a Polygon (range); lon/lat degrees
 * @param label    where to write its name: VAT-Spy's label point, SimAware's when given, else a point inside it
 */
public record AreaShape(String kind, String id, String name, Geometry geometry, Position label) {
    public AreaShape {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(label, "label");
    }

    /**
     * Whether the point is inside or on the boundary. Tested polygon by polygon (no topology): the combined pieces of
     * one id overlap, which makes them an invalid MultiPolygon for JTS's relate operations.
     */
    public boolean contains(Position p) {
        return org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator.isContained(
                new org.locationtech.jts.geom.Coordinate(p.lon(), p.lat()), geometry);
    }

    /** A point inside the geometry (JTS's interior point), for areas whose data names no label point. */
    static Position inside(Geometry g) {
        org.locationtech.jts.geom.Point p = g.getInteriorPoint();
        return new Position(p.getY(), p.getX());
    }

    /** The given label point when the data has a usable one, else a point inside the geometry. */
    static Position label(double lat, double lon, Geometry g) {
        boolean usable = Math.abs(lat) <= 90 && Math.abs(lon) <= 180; // false for NaN
        return usable ? new Position(lat, lon) : inside(g);
    }
}
