package io.skysentinel.api.ws;

import io.skysentinel.api.rest.AircraftFilter;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a push client asked to see. Equal filters share one view (one encoding per tick). The box is rounded out to
 * the tile grid, so clients panning within the same tiles share a view; they may receive aircraft up to one tile
 * outside their box. {@code lomin > lomax} is a box across the antimeridian.
 */
public record ViewFilter(
        BoundingBox box,
        Double minAltitudeM,
        Double maxAltitudeM,
        Boolean onGround,
        String callsign,
        AircraftFilter aircraft) {

    public static final ViewFilter ALL = new ViewFilter(null, null, null, null, null, AircraftFilter.NONE);

    /** The filter without the aircraft fields (type, registration, operator). */
    public ViewFilter(BoundingBox box, Double minAltitudeM, Double maxAltitudeM, Boolean onGround, String callsign) {
        this(box, minAltitudeM, maxAltitudeM, onGround, callsign, AircraftFilter.NONE);
    }

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
            if (!java.util.Set.of(
                            "bbox",
                            "min_altitude_m",
                            "max_altitude_m",
                            "on_ground",
                            "callsign",
                            "type",
                            "registration",
                            "operator")
                    .contains(e.getKey()))
                // the name cut short: an error frame must not echo back a key of any length
                throw new InvalidFilterException(
                        e.getKey().length() <= 40 ? e.getKey() : e.getKey().substring(0, 40) + "…",
                        "is not a known filter field");
        }
        BoundingBox box = box(filter.get("bbox"), tileDeg);
        Double min = number(filter, "min_altitude_m"), max = number(filter, "max_altitude_m");
        if (min != null && max != null && min > max)
            throw new InvalidFilterException("min_altitude_m", "must not exceed max_altitude_m");
        JsonNode g = filter.get("on_ground");
        if (g != null && !g.isNull() && !g.isBoolean())
            throw new InvalidFilterException("on_ground", "must be true, false or null");
        JsonNode c = filter.get("callsign");
        if (c != null && !c.isNull() && !c.isString()) throw new InvalidFilterException("callsign", "must be a string");
        String callsign = c == null || c.isNull() || c.asString().isBlank()
                ? null
                : c.asString().strip().toUpperCase(Locale.ROOT);
        AircraftFilter aircraft;
        try {
            aircraft = AircraftFilter.of(
                    AircraftFilter.types("type", text(filter, "type")),
                    text(filter, "registration"),
                    text(filter, "operator"));
        } catch (InvalidParameterException e) {
            throw new InvalidFilterException(e.parameter(), e.getMessage());
        }
        return new ViewFilter(box, min, max, g == null || g.isNull() ? null : g.asBoolean(), callsign, aircraft);
    }

    private static String text(JsonNode filter, String field) {
        JsonNode n = filter.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isString()) throw new InvalidFilterException(field, "must be a string");
        return n.asString().isBlank() ? null : n.asString();
    }

    private static Double number(JsonNode filter, String field) {
        JsonNode n = filter.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber() || !Double.isFinite(n.asDouble()))
            throw new InvalidFilterException(field, "must be a number");
        return n.asDouble();
    }

    /** The box as asked, then rounded out to the tile grid (so that it is one of few distinct view keys). */
    private static BoundingBox box(JsonNode bbox, double tile) {
        if (bbox == null || bbox.isNull()) return null;
        if (!bbox.isArray() || bbox.size() != 4)
            throw new InvalidFilterException("bbox", "must be [lamin, lomin, lamax, lomax]");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!bbox.get(i).isNumber())
                throw new InvalidFilterException("bbox", "value " + (i + 1) + " is not a number");
            v[i] = bbox.get(i).asDouble();
        }
        BoundingBox asked;
        try {
            asked = new BoundingBox(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException("bbox", e.getMessage());
        }
        double lomin = Math.max(-180, Math.floor(asked.lomin() / tile) * tile);
        double lomax = Math.min(180, Math.ceil(asked.lomax() / tile) * tile);
        if (asked.crossesAntimeridian() && lomin <= lomax) {
            // Both edges in one tile: the box goes nearly all the way round, and rounded out it is every longitude.
            lomin = -180;
            lomax = 180;
        }
        return new BoundingBox(
                Math.max(-90, Math.floor(asked.lamin() / tile) * tile),
                lomin,
                Math.min(90, Math.ceil(asked.lamax() / tile) * tile),
                lomax);
    }

    public boolean matches(Aircraft a) {
        if (box != null
                && (a.position() == null
                        || !box.contains(a.position().lat(), a.position().lon()))) return false;
        Double alt = a.bestAltitudeM();
        if (minAltitudeM != null && (alt == null || alt < minAltitudeM)) return false;
        if (maxAltitudeM != null && (alt == null || alt > maxAltitudeM)) return false;
        if (onGround != null && a.onGround() != onGround) return false;
        if (callsign != null
                && (a.callsign() == null
                        || !a.callsign().toUpperCase(Locale.ROOT).contains(callsign))) return false;
        return aircraft == null || aircraft.isNone() || aircraft.matches(a);
    }
}
