package io.skysentinel.alerts;

import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An anomaly or movement as an event rule sees it: one shape for both (the webhook body's {@code event}).
 *
 * @param kind     an anomaly kind or {@code arrival} / {@code departure}
 * @param timeMs   when it happened (source time), epoch ms
 * @param id       the flight's id
 * @param callsign trimmed callsign or null
 * @param airport  the airport's ICAO code when the event has one (movements, go-arounds), else null
 * @param lat      degrees, NaN when unknown
 * @param lon      degrees, NaN when unknown
 * @param details  the anomaly's figures, or the movement's runway; never null
 */
public record AlertEvent(
        String kind,
        long timeMs,
        String id,
        String callsign,
        String airport,
        double lat,
        double lon,
        Map<String, Object> details) {

    public static AlertEvent of(AnomalyEvent e) {
        Object airport = e.details().get("airport");
        return new AlertEvent(
                e.kind(),
                e.timeMs(),
                e.id(),
                e.callsign(),
                airport == null ? null : airport.toString().toUpperCase(Locale.ROOT),
                e.lat(),
                e.lon(),
                e.details());
    }

    public static AlertEvent of(Movement m) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runway", m.runway());
        return new AlertEvent(
                m.kind().name().toLowerCase(Locale.ROOT),
                m.timeMs(),
                m.id(),
                m.callsign(),
                m.airportIcao(),
                Double.NaN,
                Double.NaN,
                details);
    }
}
