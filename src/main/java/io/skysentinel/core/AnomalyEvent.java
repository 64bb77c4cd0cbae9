package io.skysentinel.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something unusual an aircraft did, as a live rule detected it (docs/analytics.md lists each rule).
 *
 * @param kind      rule name, snake_case: squawk_7500, squawk_7600, squawk_7700, rapid_descent, impossible_jump,
 *                  go_around, holding, lost_contact
 * @param timeMs    when it was detected (source time), epoch ms
 * @param id        the flight's id (docs/api.md#ids)
 * @param callsign  trimmed callsign or null
 * @param lat       where, degrees (NaN when unknown)
 * @param lon       where, degrees (NaN when unknown)
 * @param altitudeM best altitude in metres (NaN when unknown)
 * @param details   rule-specific figures (e.g. {"vertical_rate_fpm": -7200}); never null, small
 */
public record AnomalyEvent(
        String kind,
        long timeMs,
        String id,
        String callsign,
        double lat,
        double lon,
        double altitudeM,
        Map<String, Object> details) {
    public AnomalyEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        // insertion order kept (it is the order on the wire); null values allowed (stored details may hold them)
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
