package io.skysentinel.api.alerts;

import io.skysentinel.alerts.AlertStore;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.api.rest.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alerts}: the fired and ended alerts, newest first, paged, by rule and time. */
@RestController
public class AlertsController {

    static final long DEFAULT_SPAN_MS = 7L * 86_400_000;

    private final AlertStore store;
    private final Clock clock;

    public AlertsController(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Fired alerts, newest first (default: the last 7 days, 100 a page)")
    public Map<String, Object> alerts(
            @RequestParam(required = false) Long rule,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        long t = to == null || to.isBlank() ? clock.millis() : QueryParams.parseInstant("to", to);
        long f = from == null || from.isBlank() ? t - DEFAULT_SPAN_MS : QueryParams.parseInstant("from", from);
        if (f > t) throw new InvalidParameterException("from", "must not be after 'to'");
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) throw new InvalidParameterException("limit", "must be 1..1000");
        int skip = offset == null ? 0 : offset;
        if (skip < 0) throw new InvalidParameterException("offset", "must be >= 0");
        List<Map<String, Object>> alerts = store.fired(rule, f, t, skip, n).stream()
                .map(AlertsController::fired)
                .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", Instant.ofEpochMilli(f).toString());
        m.put("to", Instant.ofEpochMilli(t).toString());
        m.put("total", store.countFired(rule, f, t));
        m.put("offset", skip);
        m.put("limit", n);
        m.put("alerts", alerts);
        return m;
    }

    static Map<String, Object> fired(AlertStore.FiredAlert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("rule_id", a.ruleId());
        m.put("kind", a.kind());
        m.put("subject", a.subject());
        m.put("fired_at", Instant.ofEpochMilli(a.firedAtMs()).toString());
        m.put("body", RuleViews.json(a.body()));
        return m;
    }

    static Map<String, Object> deadLetter(AlertStore.DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delivery_id", d.deliveryId());
        m.put("webhook", RuleViews.redacted(d.webhook()));
        m.put("attempts", d.attempts());
        m.put("last_error", d.lastError());
        m.put("failed_at", Instant.ofEpochMilli(d.failedAtMs()).toString());
        m.put("body", RuleViews.json(d.body()));
        return m;
    }
}
