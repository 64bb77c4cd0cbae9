package io.skysentinel.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most one log line per kind of problem per period, with a count of what was held back, so a body full of bad
 * rows or an hour of 503s produces a handful of lines rather than thousands. Kinds are a small fixed set of
 * constants, so the map stays small.
 */
public final class LogThrottle {

    private final Clock clock;
    private final Duration period;
    private final Map<String, Instant> lastLogged = new HashMap<>();
    private final Map<String, Long> suppressed = new HashMap<>();

    public LogThrottle(Clock clock, Duration period) {
        this.clock = clock;
        this.period = period;
    }

    /**
     * @return -1 when this occurrence should not be logged; otherwise how many were held back since the last line
     */
    public synchronized long admit(String kind) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(kind);
        if (last != null && Duration.between(last, now).compareTo(period) < 0) {
            suppressed.merge(kind, 1L, Long::sum);
            return -1;
        }
        lastLogged.put(kind, now);
        Long held = suppressed.remove(kind);
        return held == null ? 0 : held;
    }
}
