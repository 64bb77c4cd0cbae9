package io.skysentinel.alerts;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

/** Reads {@code {"circle": [lat, lon, radius_km]}} or {@code {"polygon": [[lat, lon], …]}} (a closed, simple ring). */
final class Areas {

    static final double MAX_RADIUS_KM = 2_000;
    static final int MAX_POINTS = 1_000;

    private Areas() {}

    static Area parse(JsonNode n, String field) {
        if (!n.isObject() || n.size() != 1 || !(n.has("circle") || n.has("polygon")))
            throw new RuleException(
                    field, "must be {\"circle\": [lat, lon, radius_km]} or {\"polygon\": [[lat, lon], …]}");
        return n.has("circle")
                ? circle(n.get("circle"), field + ".circle")
                : polygon(n.get("polygon"), field + ".polygon");
    }

    private static Area circle(JsonNode n, String field) {
        if (!n.isArray() || n.size() != 3) throw new RuleException(field, "must be [lat, lon, radius_km]");
        double lat = latitude(n.get(0), field + "[0]");
        double lon = longitude(n.get(1), field + "[1]");
        double r = Json.number(n.get(2), field + "[2]");
        if (!(r > 0 && r <= MAX_RADIUS_KM))
            throw new RuleException(field + "[2]", "radius must be > 0 and <= " + MAX_RADIUS_KM + " km");
        return new Area.Circle(lat, lon, r);
    }

    private static Area polygon(JsonNode n, String field) {
        if (!n.isArray() || n.size() < 4 || n.size() > MAX_POINTS)
            throw new RuleException(field, "must be a ring of 4 to " + MAX_POINTS + " [lat, lon] points");
        List<double[]> ring = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode p = n.get(i);
            String f = field + "[" + i + "]";
            if (!p.isArray() || p.size() != 2) throw new RuleException(f, "must be [lat, lon]");
            ring.add(new double[] {latitude(p.get(0), f + "[0]"), longitude(p.get(1), f + "[1]")});
        }
        double[] first = ring.getFirst(), last = ring.getLast();
        if (first[0] != last[0] || first[1] != last[1])
            throw new RuleException(field, "is not a ring: the last point must equal the first");
        Coordinate[] cs = ring.stream().map(p -> new Coordinate(p[1], p[0])).toArray(Coordinate[]::new);
        try {
            if (!new GeometryFactory().createPolygon(cs).isValid())
                throw new RuleException(field, "is not a simple ring (it crosses itself or has no area)");
        } catch (IllegalArgumentException e) {
            throw new RuleException(field, "is not a ring: " + e.getMessage());
        }
        return new Area.Polygon(ring);
    }

    private static double latitude(JsonNode n, String field) {
        double v = Json.number(n, field);
        if (v < -90 || v > 90) throw new RuleException(field, "latitude must be within -90..90");
        return v;
    }

    private static double longitude(JsonNode n, String field) {
        double v = Json.number(n, field);
        if (v < -180 || v > 180) throw new RuleException(field, "longitude must be within -180..180");
        return v;
    }
}
