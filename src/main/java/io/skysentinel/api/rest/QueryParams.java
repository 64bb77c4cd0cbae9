package io.skysentinel.api.rest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strict query parameters for the live endpoints (GET /api/flights, GET /api/atc-positions): every bad or unknown
 * parameter is a 400 naming it, because a silently ignored typo ({@code min_alt=…}) returns a wrong answer that looks
 * right. Names starting with '_' (cache busters) are ignored.
 */
public final class QueryParams {

    private final Map<String, String[]> raw;

    private QueryParams(Map<String, String[]> raw) {
        this.raw = raw;
    }

    /** Checks that every parameter is one of {@code known} and given once. */
    public static QueryParams of(Map<String, String[]> params, Set<String> known) {
        for (var e : params.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("_")) continue;
            if (!known.contains(name))
                throw new InvalidParameterException(
                        name,
                        "is not a known parameter; known: "
                                + String.join(", ", known.stream().sorted().toList()));
            if (e.getValue().length > 1) throw new InvalidParameterException(name, "is given more than once");
        }
        return new QueryParams(params);
    }

    /** The stripped value, null when absent; empty is an error. */
    public String text(String name) {
        String[] v = raw.get(name);
        if (v == null) return null;
        String s = v[0].strip();
        if (s.isEmpty()) throw new InvalidParameterException(name, "is empty");
        return s;
    }

    public Double decimal(String name) {
        String s = text(name);
        if (s == null) return null;
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "'" + s + "' is not a number");
        }
    }

    public int integer(String name, int dflt, int min, int max) {
        String s = text(name);
        if (s == null) return dflt;
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "'" + s + "' is not a whole number");
        }
        if (v < min || v > max) throw new InvalidParameterException(name, "must be between " + min + " and " + max);
        return (int) v;
    }

    public Boolean bool(String name) {
        String s = text(name);
        if (s == null) return null;
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, "'" + s + "' must be true or false");
        };
    }

    /** An instant: ISO-8601 (2026-11-22T10:00:00Z) or epoch milliseconds; null when absent. */
    public Long instant(String name) {
        String s = text(name);
        return s == null ? null : parseInstant(name, s);
    }

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: every time a query gets lies between. */
    public static final long MIN_TIME_MS = -62_135_596_800_000L, MAX_TIME_MS = 253_402_300_799_999L;

    /**
     * ISO-8601 instant or epoch milliseconds within the years 1..9999, else a 400 naming {@code name}. Bounded so that
     * range arithmetic cannot overflow and no time beyond PostgreSQL's reaches a query (an instant such as
     * +999999999-12-31T23:59:59Z was a 500: toEpochMilli overflowed).
     */
    public static long parseInstant(String name, String text) {
        String t = text.strip();
        long ms;
        if (t.matches("-?\\d{1,15}")) ms = Long.parseLong(t);
        else {
            try {
                java.time.Instant at = java.time.Instant.parse(t);
                ms = at.getEpochSecond() < MIN_TIME_MS / 1000 || at.getEpochSecond() > MAX_TIME_MS / 1000
                        ? Long.MAX_VALUE
                        : at.toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidParameterException(
                        name, "'" + t + "' is not an ISO-8601 instant (2026-11-22T10:00:00Z) or epoch milliseconds");
            }
        }
        if (ms < MIN_TIME_MS || ms > MAX_TIME_MS)
            throw new InvalidParameterException(name, "must be within the years 1..9999");
        return ms;
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case; null when absent. */
    public String oneOf(String name, Set<String> allowed) {
        String s = text(name);
        if (s == null) return null;
        String v = s.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v))
            throw new InvalidParameterException(
                    name,
                    "'" + s + "' must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        return v;
    }
}
