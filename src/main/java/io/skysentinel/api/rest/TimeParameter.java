package io.skysentinel.api.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A time query parameter: an ISO-8601 instant ({@code 2026-11-22T10:00:00Z}) or epoch milliseconds. */
public final class TimeParameter {

    private TimeParameter() {}

    /** The instant in epoch ms; {@code fallback} when absent; a 400 naming the parameter when unreadable. */
    public static long parse(String name, String text, long fallback) {
        if (text == null || text.isBlank()) return fallback;
        String t = text.strip();
        if (t.matches("-?\\d{1,15}")) return Long.parseLong(t);
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    name, "'" + t + "' is not an ISO-8601 instant (2026-11-22T10:00:00Z) or epoch milliseconds");
        }
    }
}
