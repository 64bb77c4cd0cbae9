package io.skysentinel.source.vatsim;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Tolerant reads of one feed entry's values: each null (or the default) when absent or of the wrong type. */
final class FeedJson {

    private FeedJson() {}

    static Long cid(JsonNode n) {
        JsonNode v = n.get("cid");
        // canConvertToLong first: asLong() throws on a number beyond long, and one such entry cost the whole feed
        return v != null && v.isIntegralNumber() && v.canConvertToLong() && v.asLong() > 0 ? v.asLong() : null;
    }

    static String str(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isString() ? FeedValues.text(v.stringValue()) : null;
    }

    static Double num(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isNumber()) return null;
        double d = v.asDouble();
        return Double.isFinite(d) ? d : null;
    }

    static Integer intOrNull(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
    }

    static int integer(JsonNode n, String key, int dflt) {
        Integer v = intOrNull(n, key);
        return v == null ? dflt : v;
    }

    static Instant time(JsonNode n, String key) {
        String s = str(n, key);
        return s == null ? null : instant(s);
    }

    /** 0001-01-01 and 10000-01-01: a feed's times lie between, and beyond them toEpochMilli() may overflow. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z"),
            LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** Null when not an ISO-8601 instant of the years 1..9999 (Instant.parse takes ±1e9 years). */
    static Instant instant(String s) {
        try {
            Instant t = Instant.parse(s);
            return t.isBefore(EARLIEST) || !t.isBefore(LATEST) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Long seconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
