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

    /**
     * A webhook URL as shown to anyone: scheme, host and port only, since many webhook URLs carry their own secret
     * (a Discord webhook's token is in its path). The full URL is shown once, to the owner, in the answer to POST/PUT.
     */
    static String redacted(String url) {
        if (url == null) return null;
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + "/…";
    }

    static Map<String, Object> rule(AlertRule r) {
        return rule(r, false);
    }

    /** @param owner the answer to the owner's POST or PUT: the full webhook URL */
    static Map<String, Object> rule(AlertRule r, boolean owner) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("when", json(r.whenJson()));
        Map<String, Object> d = new LinkedHashMap<>();
        String hook =
                r.deliver().webhook() == null ? null : r.deliver().webhook().toString();
        d.put("webhook", owner ? hook : redacted(hook));
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
