package io.skysentinel.api.alerts;

import io.skysentinel.alerts.AlertRule;
import io.skysentinel.alerts.AlertStore;
import io.skysentinel.alerts.AlertsSettings;
import io.skysentinel.alerts.DeliveryStatus;
import io.skysentinel.alerts.RuleBook;
import io.skysentinel.alerts.RuleException;
import io.skysentinel.alerts.RuleParser;
import io.skysentinel.alerts.WebhookTargets;
import io.skysentinel.api.rest.AdminAccess;
import io.skysentinel.api.rest.ApiProblems.NotFoundException;
import io.skysentinel.api.rest.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code /api/alerts/rules}: create, list, read, replace and delete rules, and a rule's delivery status. */
@RestController
@RequestMapping("/api/alerts/rules")
public class AlertRulesController {

    private final AlertStore store;
    private final RuleBook book;
    private final DeliveryStatus status;
    private final AlertsSettings settings;
    private final RuleParser parser;
    private final WebhookTargets targets;
    private final Clock clock;
    private final AdminAccess admin;

    public AlertRulesController(
            AlertStore store,
            RuleBook book,
            DeliveryStatus status,
            AlertsSettings settings,
            Clock clock,
            AdminAccess admin) {
        this.admin = admin;
        this.store = store;
        this.book = book;
        this.status = status;
        this.settings = settings;
        this.parser = new RuleParser(settings.defaultCooldown().toSeconds());
        this.targets = settings.webhookTargets();
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a rule; the answer carries its owner_token, shown this once")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String body) {
        AlertRule parsed = parse(body);
        String token = RuleAccess.newToken();
        AlertRule withOwner;
        synchronized (this) { // the count and the insert together, so the limit holds under concurrent POSTs
            if (book.index().size() >= settings.maxRules())
                throw new AlertProblems.TooMany("at most " + settings.maxRules() + " rules (ALERTS_MAX_RULES)");
            withOwner = store.create(owned(parsed, 0, RuleAccess.hash(token), parsed.createdMs()));
            book.put(withOwner);
        }
        Map<String, Object> view = RuleViews.rule(withOwner, true);
        view.put("owner_token", token);
        return ResponseEntity.created(URI.create("/api/alerts/rules/" + withOwner.id()))
                .body(view);
    }

    /** A rule body, with its webhook judged against ALERTS_WEBHOOK_ALLOW (a 400 naming deliver.webhook). */
    private AlertRule parse(String body) {
        AlertRule parsed = parser.parse(read(body), clock.millis());
        if (parsed.deliver().hasWebhook()) {
            String refused = targets.refusal(parsed.deliver().webhook());
            if (refused != null) throw new RuleException("deliver.webhook", refused);
        }
        return parsed;
    }

    @GetMapping
    @Operation(summary = "Every rule (without secrets)")
    public Map<String, Object> list() {
        List<Map<String, Object>> rules =
                store.all().stream().map(RuleViews::rule).toList();
        return Map.of("rules", rules, "count", rules.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rule with its delivery status")
    public Map<String, Object> get(@PathVariable long id) {
        AlertRule r = existing(id);
        Map<String, Object> view = RuleViews.rule(r);
        view.put("delivery", RuleViews.status(status.get(id)));
        return view;
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a rule (Authorization: Bearer <owner_token>); its episodes start over")
    public Map<String, Object> replace(
            @PathVariable long id, @RequestBody(required = false) String body, HttpServletRequest request) {
        AlertRule old = authorised(id, request);
        AlertRule parsed = parse(body);
        AlertRule updated = owned(parsed, id, old.ownerTokenHash(), old.createdMs());
        if (!store.update(updated)) throw new NotFoundException("no alert rule " + id);
        book.put(updated);
        return RuleViews.rule(updated, true);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a rule (Authorization: Bearer <owner_token>); pending webhook retries stop")
    public ResponseEntity<Void> delete(@PathVariable long id, HttpServletRequest request) {
        authorised(id, request);
        store.delete(id);
        book.remove(id);
        status.forget(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/delivery")
    @Operation(summary = "A rule's delivery counters, last error and dead letters (newest first)")
    public Map<String, Object> delivery(@PathVariable long id, @RequestParam(required = false) Integer limit) {
        existing(id);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) throw new InvalidParameterException("limit", "must be 1..1000");
        Map<String, Object> m = new LinkedHashMap<>(RuleViews.status(status.get(id)));
        m.put(
                "dead_letter_list",
                store.deadLetters(id, n).stream()
                        .map(AlertsController::deadLetter)
                        .toList());
        return m;
    }

    private AlertRule existing(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no alert rule " + id));
    }

    private AlertRule authorised(long id, HttpServletRequest request) {
        AlertRule r = existing(id);
        switch (RuleAccess.mayModify(r, request, admin)) {
            case ALLOWED -> {
                return r;
            }
            case NO_TOKEN ->
                throw new AlertProblems.Denied(
                        HttpStatus.UNAUTHORIZED,
                        "send the rule's owner token as 'Authorization: Bearer <owner_token>'");
            default -> throw new AlertProblems.Denied(HttpStatus.FORBIDDEN, "that token does not own rule " + id);
        }
    }

    private static AlertRule owned(AlertRule r, long id, String ownerHash, long createdMs) {
        return new AlertRule(
                id,
                r.name(),
                r.whenJson(),
                r.when(),
                r.deliver(),
                r.cooldownS(),
                r.notifyEnded(),
                ownerHash,
                createdMs,
                r.updatedMs());
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) throw new RuleException("body", "is required: a JSON rule");
        try {
            return RuleViews.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new RuleException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
