package io.skysentinel.api.history;

import io.skysentinel.api.rest.InvalidParameterException;
import java.util.Locale;

/** Query-parameter parsing for the history endpoints; every error names its parameter (400 problem). */
final class Params {

    static final long DAY_MS = 86_400_000L;

    private Params() {}

    /** ISO-8601 instant (2026-11-22T10:00:00Z) or epoch milliseconds; {@code fallback} when absent. */
    static long time(String name, String text, long fallback) {
        return io.skysentinel.api.rest.TimeParameter.parse(name, text, fallback);
    }

    static long requiredTime(String name, String text) {
        if (text == null || text.isBlank()) throw new InvalidParameterException(name, "is required");
        return time(name, text, 0);
    }

    /** [from, to] with from ≤ to; to defaults to now, from to {@code defaultSpanMs} before to. */
    static long[] range(String from, String to, long now, long defaultSpanMs, long maxSpanMs) {
        long t = time("to", to, now);
        long f = time("from", from, t - defaultSpanMs);
        if (f > t) throw new InvalidParameterException("from", "must not be after 'to'");
        if (t - f > maxSpanMs)
            throw new InvalidParameterException("from", "the range may span at most " + maxSpanMs / DAY_MS + " days");
        return new long[] {f, t};
    }

    static int limit(Integer value, int fallback, int max) {
        if (value == null) return fallback;
        if (value < 1 || value > max) throw new InvalidParameterException("limit", "must be 1.." + max);
        return value;
    }

    static int offset(Integer value) {
        if (value == null) return 0;
        if (value < 0) throw new InvalidParameterException("offset", "must be >= 0");
        return value;
    }

    /** An airport code as typed: 3-4 letters/digits. */
    static String airportCode(String name, String text) {
        String v = text.strip().toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z0-9]{3,4}"))
            throw new InvalidParameterException(name, "must be a 4-character ICAO or 3-character IATA code");
        return v;
    }

    /**
     * The sources history can hold rows of (app.SourcesConfiguration's names and the network sources), and
     * {@code unknown} for movements stored before they had a source (migration V3).
     */
    static final java.util.List<String> SOURCES = java.util.List.of(
            "opensky", "replay", "sim", "vatsim", io.skysentinel.history.TrafficQueries.UNKNOWN_SOURCE);

    /** A source filter: null when absent, else one of {@link #SOURCES} (case-insensitive). */
    static String source(String text) {
        if (text == null) return null;
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(v))
            throw new InvalidParameterException("source", "must be one of " + String.join(", ", SOURCES));
        return v;
    }

    /** A continent code (AF, AN, AS, EU, NA, OC, SA) or ISO 3166-1 alpha-2 country code. */
    static String region(String text) {
        String v = text.strip().toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z]{2}"))
            throw new InvalidParameterException(
                    "region", "must be a 2-letter continent (EU, NA, …) or ISO country code");
        return v;
    }
}
