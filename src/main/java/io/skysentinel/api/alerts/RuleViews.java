package io.skysentinel.api.alerts;

import io.skysentinel.alerts.AlertRule;
import io.skysentinel.alerts.DeliveryStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of a rule as the API returns it (docs/alerts.md#rest): never the secret, never the owner token's hash. */
final class RuleViews {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleViews() {}

    static Map<String, Object> rule(AlertRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("when", json(r.whenJson()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(
                "webhook",
                r.deliver().webhook() == null ? null : r.deliver().webhook().toString());
        d.put("secret_set", r.deliver().secret() != null);
        d.put("format", r.deliver().format().name().toLowerCase(Locale.ROOT));
        m.put("deliver", d);
        m.put("cooldown_s", r.cooldownS());
        m.put("notify_ended", r.notifyEnded());
        m.put("created_at", Instant.ofEpochMilli(r.createdMs()).toString());
        m.put("updated_at", Instant.ofEpochMilli(r.updatedMs()).toString());
        return m;
    }

    static Map<String, Object> status(DeliveryStatus.Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fired", s.fired());
        m.put("delivered", s.delivered());
        m.put("failed_attempts", s.failedAttempts());
        m.put("dead_letters", s.deadLetters());
        m.put("dropped", s.dropped());
        m.put("last_error", s.lastError());
        m.put(
                "last_error_at",
                s.lastErrorAtMs() == null
                        ? null
                        : Instant.ofEpochMilli(s.lastErrorAtMs()).toString());
        return m;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
