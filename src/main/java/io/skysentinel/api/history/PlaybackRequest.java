package io.skysentinel.api.history;

import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.wire.WireFormat;
import java.util.Map;

/**
 * A /ws/playback query: {@code from}, {@code to} (ISO-8601 or epoch ms, required), {@code speed} (history seconds per
 * wall second, 0.1..1000, default 1) and {@code format} (json | msgpack) and {@code compress} (none | deflate, as on
 * /ws/flights). At most 7 days.
 */
record PlaybackRequest(long fromMs, long toMs, double speed, WireFormat format) {

    static final double MAX_SPEED = 1_000;
    static final long MAX_SPAN_MS = 7 * Params.DAY_MS;

    static PlaybackRequest parse(Map<String, String> q) {
        long from = Params.requiredTime("from", q.get("from"));
        long to = Params.requiredTime("to", q.get("to"));
        if (from >= to) throw new InvalidParameterException("from", "must be before 'to'");
        if (to - from > MAX_SPAN_MS) throw new InvalidParameterException("to", "a playback may span at most 7 days");
        double speed = 1;
        String s = q.get("speed");
        if (s != null && !s.isBlank()) {
            try {
                speed = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("speed", "'" + s + "' is not a number");
            }
            if (!(speed >= 0.1 && speed <= MAX_SPEED))
                throw new InvalidParameterException("speed", "must be 0.1.." + (int) MAX_SPEED);
        }
        WireFormat format;
        try {
            format = WireFormat.parse(q.get("format"), q.get("compress"));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    e.getMessage().startsWith("compress") ? "compress" : "format", e.getMessage());
        }
        return new PlaybackRequest(from, to, speed, format);
    }
}
