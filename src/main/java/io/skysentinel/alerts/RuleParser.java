package io.skysentinel.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule body ({@code name}, {@code when}, {@code deliver}, {@code cooldown_s}, {@code notify_ended}) into an
 * {@link AlertRule} without id or owner, or fails with a {@link RuleException} naming the field.
 */
public final class RuleParser {

    static final Set<String> FIELDS = Set.of("name", "when", "deliver", "cooldown_s", "notify_ended");
    static final long MAX_COOLDOWN_S = 30L * 24 * 3600;

    private final long defaultCooldownS;

    public RuleParser(long defaultCooldownS) {
        this.defaultCooldownS = defaultCooldownS;
    }

    public AlertRule parse(JsonNode body, long nowMs) {
        if (body == null || !body.isObject()) throw new RuleException("body", "must be a JSON object");
        for (String k : body.propertyNames())
            if (!FIELDS.contains(k)) throw new RuleException(k, "is not a known rule field");
        if (!body.has("name")) throw new RuleException("name", "is required");
        String name = Json.string(body.get("name"), "name");
        if (name.length() > 200) throw new RuleException("name", "is longer than 200 characters");
        if (!body.has("when")) throw new RuleException("when", "is required");
        Condition when = ConditionParser.parse(body.get("when"));
        Delivery deliver =
                body.has("deliver") && !body.get("deliver").isNull() ? delivery(body.get("deliver")) : Delivery.NONE;
        long cooldown = defaultCooldownS;
        if (body.has("cooldown_s")) {
            JsonNode c = body.get("cooldown_s");
            if (!c.isIntegralNumber() || c.longValue() < 0 || c.longValue() > MAX_COOLDOWN_S)
                throw new RuleException("cooldown_s", "must be a whole number of seconds 0.." + MAX_COOLDOWN_S);
            cooldown = c.longValue();
        }
        boolean ended = body.has("notify_ended") && Json.bool(body.get("notify_ended"), "notify_ended");
        return new AlertRule(0, name, body.get("when").toString(), when, deliver, cooldown, ended, null, nowMs, nowMs);
    }

    private static Delivery delivery(JsonNode n) {
        if (!n.isObject()) throw new RuleException("deliver", "must be an object");
        for (Map.Entry<String, JsonNode> e : n.properties())
            if (!Set.of("webhook", "secret", "format").contains(e.getKey()))
                throw new RuleException("deliver." + e.getKey(), "is not a known delivery field");
        URI webhook = null;
        if (n.has("webhook")) {
            String s = Json.string(n.get("webhook"), "deliver.webhook");
            try {
                webhook = new URI(s);
            } catch (URISyntaxException e) {
                throw new RuleException("deliver.webhook", "is not a URL");
            }
            String scheme =
                    webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || webhook.getHost() == null)
                throw new RuleException("deliver.webhook", "must be an http or https URL with a host");
        }
        String secret = n.has("secret") ? Json.string(n.get("secret"), "deliver.secret") : null;
        if (secret != null && webhook == null) throw new RuleException("deliver.secret", "needs deliver.webhook");
        Delivery.Format format = Delivery.Format.JSON;
        if (n.has("format")) {
            String f = Json.string(n.get("format"), "deliver.format").toUpperCase(Locale.ROOT);
            try {
                format = Delivery.Format.valueOf(f);
            } catch (IllegalArgumentException e) {
                throw new RuleException("deliver.format", "must be json, ntfy or discord");
            }
        }
        return new Delivery(webhook, secret, format);
    }
}
