package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;

/**
 * What a push client asked to see. Equal filters share one view (one encoding per tick). The box is rounded out to
 * the tile grid, so clients panning within the same tiles share a view; they may receive aircraft up to one tile
 * outside their box. {@code lomin > lomax} is a box across the antimeridian.
 */
public record ViewFilter(double[] box, Double minAltitudeM, Double maxAltitudeM, Boolean onGround, String callsign) {

    public static final ViewFilter ALL = new ViewFilter(null, null, null, null, null);

    /** A bad subscribe message: the field it names and why. */
    public static class InvalidFilterException extends RuntimeException {
        public InvalidFilterException(String field, String reason) {
            super("filter." + field + " " + reason);
        }
    }

    /** Parses the {@code filter} object of a subscribe message; null or {} means everything. */
    public static ViewFilter parse(JsonNode filter, double tileDeg) {
        if (filter == null || filter.isNull()) return ALL;
        if (!filter.isObject()) throw new InvalidFilterException("", "must be an object");
        for (Map.Entry<String, JsonNode> e : filter.properties()) {
            if (!java.util.Set.of("bbox", "min_altitude_m", "max_altitude_m", "on_ground", "callsign").contains(e.getKey()))
                throw new InvalidFilterException(e.getKey(), "is not a known filter field");
        }
        double[] box = box(filter.get("bbox"), tileDeg);
        Double min = number(filter, "min_altitude_m"), max = number(filter, "max_altitude_m");
        if (min != null && max != null && min > max) throw new InvalidFilterException("min_altitude_m", "must not exceed max_altitude_m");
        JsonNode g = filter.get("on_ground");
        if (g != null && !g.isNull() && !g.isBoolean()) throw new InvalidFilterException("on_ground", "must be true, false or null");
        JsonNode c = filter.get("callsign");
        if (c != null && !c.isNull() && !c.isString()) throw new InvalidFilterException("callsign", "must be a string");
        String callsign = c == null || c.isNull() || c.asString().isBlank() ? null : c.asString().strip().toUpperCase(Locale.ROOT);
        return new ViewFilter(box, min, max, g == null || g.isNull() ? null : g.asBoolean(), callsign);
    }

    private static Double number(JsonNode filter, String field) {
        JsonNode n = filter.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) throw new InvalidFilterException(field, "must be a number");
        return n.asDouble();
    }

    private static double[] box(JsonNode bbox, double tile) {
        if (bbox == null || bbox.isNull()) return null;
        if (!bbox.isArray() || bbox.size() != 4) throw new InvalidFilterException("bbox", "must be [lamin, lomin, lamax, lomax]");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!bbox.get(i).isNumber()) throw new InvalidFilterException("bbox", "value " + (i + 1) + " is not a number");
            v[i] = bbox.get(i).asDouble();
        }
        if (Math.abs(v[0]) > 90 || Math.abs(v[2]) > 90) throw new InvalidFilterException("bbox", "latitudes must be within -90..90");
        if (Math.abs(v[1]) > 180 || Math.abs(v[3]) > 180) throw new InvalidFilterException("bbox", "longitudes must be within -180..180");
        if (v[0] > v[2]) throw new InvalidFilterException("bbox", "lamin must not exceed lamax");
        double lomin = Math.max(-180, Math.floor(v[1] / tile) * tile), lomax = Math.min(180, Math.ceil(v[3] / tile) * tile);
        return new double[]{Math.max(-90, Math.floor(v[0] / tile) * tile), lomin, Math.min(90, Math.ceil(v[2] / tile) * tile), lomax};
    }

    public boolean matches(Aircraft a) {
        if (box != null) {
            if (a.position() == null) return false;
            double lat = a.position().lat(), lon = a.position().lon();
            if (lat < box[0] || lat > box[2]) return false;
            boolean inLon = box[1] <= box[3] ? lon >= box[1] && lon <= box[3] : lon >= box[1] || lon <= box[3];
            if (!inLon) return false;
        }
        Double alt = a.bestAltitudeM();
        if (minAltitudeM != null && (alt == null || alt < minAltitudeM)) return false;
        if (maxAltitudeM != null && (alt == null || alt > maxAltitudeM)) return false;
        if (onGround != null && a.onGround() != onGround) return false;
        return callsign == null || (a.callsign() != null && a.callsign().toUpperCase(Locale.ROOT).contains(callsign));
    }

    // Records compare arrays by identity; views are keyed by filter, so compare the box by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof ViewFilter f && java.util.Arrays.equals(box, f.box) && java.util.Objects.equals(minAltitudeM, f.minAltitudeM)
                && java.util.Objects.equals(maxAltitudeM, f.maxAltitudeM) && java.util.Objects.equals(onGround, f.onGround)
                && java.util.Objects.equals(callsign, f.callsign);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(box), minAltitudeM, maxAltitudeM, onGround, callsign);
    }

    @Override
    public String toString() {
        return "ViewFilter[box=" + java.util.Arrays.toString(box) + ", alt=" + minAltitudeM + ".." + maxAltitudeM
                + ", onGround=" + onGround + ", callsign=" + callsign + "]";
    }
}
