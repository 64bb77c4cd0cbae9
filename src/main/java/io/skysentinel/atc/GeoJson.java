package io.skysentinel.atc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * RFC 7946 geometries to JTS and back, by hand: only {@code Polygon} and {@code MultiPolygon} come in (the two files
 * use nothing else), and {@code Point}, {@code Polygon} and {@code MultiPolygon} go out. Coordinates are [lon, lat]
 * (JTS x = lon, y = lat).
 */
public final class GeoJson {

    /** Plain double coordinates: JTS's default precision model. */
    public static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJson() {}

    /** A feature's geometry as a MultiPolygon (a Polygon becomes a MultiPolygon of one). */
    public static MultiPolygon multiPolygon(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coords = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> FACTORY.createMultiPolygon(new Polygon[] {polygon(coords)});
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) parts[i] = polygon(coords.get(i));
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
        };
    }

    /** Several MultiPolygons as one (no union: overlapping pieces are kept as they are, for drawing). */
    public static MultiPolygon combine(List<? extends Geometry> parts) {
        List<Polygon> all = new ArrayList<>();
        for (Geometry g : parts) {
            for (int i = 0; i < g.getNumGeometries(); i++) all.add((Polygon) g.getGeometryN(i));
        }
        return FACTORY.createMultiPolygon(all.toArray(Polygon[]::new));
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings.size() == 0) throw new IllegalArgumentException("polygon without rings");
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        int n = points.size();
        boolean closed = n > 0 && points.get(0).equals(points.get(n - 1));
        Coordinate[] c = new Coordinate[closed ? n : n + 1]; // close an unclosed ring instead of refusing it
        for (int i = 0; i < n; i++) {
            JsonNode p = points.get(i);
            c[i] = new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
        }
        if (!closed && n > 0) c[n] = c[0].copy();
        return FACTORY.createLinearRing(c);
    }

    /** The GeoJSON {@code geometry} object of a Point, Polygon or MultiPolygon, ready for Jackson. */
    public static Map<String, Object> write(Geometry g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", g.getGeometryType());
        out.put("coordinates", coordinates(g));
        return out;
    }

    private static Object coordinates(Geometry g) {
        if (g instanceof Point p) return new double[] {p.getX(), p.getY()};
        if (g instanceof Polygon p) {
            List<double[][]> rings = new ArrayList<>();
            rings.add(ring(p.getExteriorRing().getCoordinates()));
            for (int i = 0; i < p.getNumInteriorRing(); i++)
                rings.add(ring(p.getInteriorRingN(i).getCoordinates()));
            return rings;
        }
        if (g instanceof MultiPolygon m) {
            List<Object> polys = new ArrayList<>();
            for (int i = 0; i < m.getNumGeometries(); i++) polys.add(coordinates(m.getGeometryN(i)));
            return polys;
        }
        throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
    }

    private static double[][] ring(Coordinate[] cs) {
        double[][] out = new double[cs.length][];
        for (int i = 0; i < cs.length; i++) out[i] = new double[] {cs[i].x, cs[i].y};
        return out;
    }

    /** A number that may be written as a string ({@code "42.9"} in VAT-Spy), or NaN when absent or unreadable. */
    static double number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return Double.NaN;
        if (n.isNumber()) return n.doubleValue();
        try {
            return Double.parseDouble(n.asString().strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
