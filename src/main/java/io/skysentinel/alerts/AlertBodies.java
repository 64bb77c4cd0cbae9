package io.skysentinel.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies an alert is sent as (docs/alerts.md#webhook-body): ours ({@code json}), and the ntfy and Discord forms
 * (a line of text, and {@code {"content": …}}) for users who point a rule straight at those services.
 */
public final class AlertBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertBodies() {}

    /** Our JSON body: kind, id, rule {id, name}, flight or atc, event (when one caused it), fired_at. */
    public static String json(Alert a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", a.kind().wire());
        body.put("id", a.id());
        body.put("rule", Map.of("id", a.ruleId(), "name", a.ruleName()));
        if (a.flight() != null) body.put("flight", a.flight());
        if (a.atc() != null) body.put("atc", a.atc());
        if (a.event() != null) body.put("event", event(a.event()));
        body.put("fired_at", Instant.ofEpochMilli(a.firedAtMs()).toString());
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> event(AlertEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind());
        m.put("time", e.timeMs());
        m.put("id", e.id());
        m.put("callsign", e.callsign());
        m.put("airport", e.airport());
        m.put("lat", Double.isNaN(e.lat()) ? null : e.lat());
        m.put("lon", Double.isNaN(e.lon()) ? null : e.lon());
        m.put("details", e.details());
        return m;
    }

    /** One line for people: what happened, to what, where. */
    public static String text(Alert a) {
        StringBuilder b = new StringBuilder();
        b.append(a.kind() == Alert.Kind.FIRED ? "" : "Ended: ")
                .append(a.ruleName())
                .append(" — ");
        if (a.event() != null) b.append(a.event().kind().replace('_', ' ')).append(' ');
        if (a.event() != null && a.event().airport() != null)
            b.append("at ").append(a.event().airport()).append(' ');
        if (a.flight() != null) {
            var f = a.flight();
            b.append(f.callsign() == null ? f.id() : f.callsign().trim() + " (" + f.id() + ")");
            if (f.position() != null)
                b.append(String.format(
                        Locale.ROOT,
                        " at %.4f, %.4f",
                        f.position().lat(),
                        f.position().lon()));
            if (f.bestAltitudeM() != null) b.append(String.format(Locale.ROOT, ", %.0f m", f.bestAltitudeM()));
        } else if (a.atc() != null) {
            b.append(a.atc().callsign());
        } else b.append(a.subject());
        return b.toString();
    }

    /** What is POSTed for a rule's format, and its content type. */
    public static Body forFormat(Delivery.Format format, Alert a, String json) {
        return switch (format) {
            case JSON -> new Body(json, "application/json");
            case NTFY -> new Body(text(a), "text/plain; charset=utf-8");
            case DISCORD -> new Body(JSON.writeValueAsString(Map.of("content", text(a))), "application/json");
        };
    }

    public record Body(String text, String contentType) {}
}
