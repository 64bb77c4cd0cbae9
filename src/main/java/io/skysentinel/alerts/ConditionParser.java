package io.skysentinel.alerts;

import io.skysentinel.alerts.Condition.AtcTrigger;
import io.skysentinel.alerts.Condition.Transition;
import io.skysentinel.core.EntityIds;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule's {@code when} object into a {@link Condition}, refusing anything it does not know or cannot use with a
 * {@link RuleException} naming the field ({@code when.squawk[1]}, {@code when.area.polygon}, …).
 */
public final class ConditionParser {

    /** The event kinds a rule may name: the anomaly rules' kinds and the two movement kinds (docs/analytics.md). */
    public static final Set<String> EVENT_KINDS = Set.of(
            "squawk_7500",
            "squawk_7600",
            "squawk_7700",
            "rapid_descent",
            "impossible_jump",
            "go_around",
            "holding",
            "lost_contact",
            "arrival",
            "departure");

    private static final Set<String> STATE_FIELDS = Set.of(
            "id",
            "icao24",
            "registration",
            "callsign",
            "type",
            "category",
            "operator",
            "squawk",
            "source",
            "altitude_m",
            "velocity_mps",
            "on_ground",
            "area");

    private ConditionParser() {}

    public static Condition parse(JsonNode when) {
        if (when == null || !when.isObject() || when.isEmpty())
            throw new RuleException("when", "must be an object with at least one condition");
        Map<String, JsonNode> f = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : when.properties()) {
            if (!STATE_FIELDS.contains(e.getKey())
                    && !Set.of("transition", "event", "airport", "atc", "atc_callsign")
                            .contains(e.getKey()))
                throw new RuleException("when." + e.getKey(), "is not a known condition");
            if (!e.getValue().isNull()) f.put(e.getKey(), e.getValue());
        }
        if (f.isEmpty()) throw new RuleException("when", "must name at least one condition");
        AtcTrigger atc = f.containsKey("atc") ? atc(f.get("atc")) : null;
        if (atc != null) {
            for (String k : f.keySet())
                if (!k.equals("atc") && !k.equals("atc_callsign"))
                    throw new RuleException("when." + k, "cannot be combined with atc (an ATC rule matches positions)");
        } else if (f.containsKey("atc_callsign")) throw new RuleException("when.atc_callsign", "needs atc");
        String event = f.containsKey("event") ? event(f.get("event")) : null;
        if (f.containsKey("airport") && event == null) throw new RuleException("when.airport", "needs event");
        Area area = f.containsKey("area") ? Areas.parse(f.get("area"), "when.area") : null;
        Transition transition = transition(f.get("transition"), area, event);
        return new Condition(
                f.containsKey("id") ? Json.strings(f.get("id"), "when.id", ConditionParser::id) : null,
                f.containsKey("icao24") ? Json.strings(f.get("icao24"), "when.icao24", ConditionParser::icao24) : null,
                f.containsKey("registration") ? Json.glob(f.get("registration"), "when.registration") : null,
                f.containsKey("callsign") ? Json.glob(f.get("callsign"), "when.callsign") : null,
                f.containsKey("type") ? Json.strings(f.get("type"), "when.type", ConditionParser::upper) : null,
                f.containsKey("category")
                        ? Json.oneOrList(f.get("category"), "when.category", ConditionParser::category)
                        : null,
                f.containsKey("operator")
                        ? Json.strings(f.get("operator"), "when.operator", ConditionParser::upper)
                        : null,
                f.containsKey("squawk")
                        ? Json.oneOrList(f.get("squawk"), "when.squawk", ConditionParser::squawk)
                        : null,
                f.containsKey("source") ? Json.strings(f.get("source"), "when.source", ConditionParser::lower) : null,
                f.containsKey("altitude_m") ? range(f.get("altitude_m"), "when.altitude_m") : null,
                f.containsKey("velocity_mps") ? range(f.get("velocity_mps"), "when.velocity_mps") : null,
                f.containsKey("on_ground") ? Json.bool(f.get("on_ground"), "when.on_ground") : null,
                area,
                transition,
                event,
                f.containsKey("airport")
                        ? Json.string(f.get("airport"), "when.airport").toUpperCase(Locale.ROOT)
                        : null,
                atc,
                f.containsKey("atc_callsign") ? Json.glob(f.get("atc_callsign"), "when.atc_callsign") : null);
    }

    private static String id(String s) {
        String id = s.toLowerCase(Locale.ROOT);
        if (!EntityIds.isValid(id)) throw new RuleException("when.id", "'" + s + "' is not a flight id");
        return id;
    }

    private static String icao24(String s) {
        String a = s.toLowerCase(Locale.ROOT);
        if (!EntityIds.isIcao24(a)) throw new RuleException("when.icao24", "'" + s + "' is not 6 hex digits");
        return a;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Integer category(JsonNode n, String field) {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 20)
            throw new RuleException(field, "must be an OpenSky category number 0..20");
        return n.intValue();
    }

    private static String squawk(JsonNode n, String field) {
        String s = n.isIntegralNumber() ? String.format(Locale.ROOT, "%04d", n.intValue()) : Json.string(n, field);
        if (!s.matches("[0-7]{4}")) throw new RuleException(field, "must be four octal digits such as \"7700\"");
        return s;
    }

    private static Range range(JsonNode n, String field) {
        if (!n.isArray() || n.size() != 2) throw new RuleException(field, "must be [min, max] (either may be null)");
        Double min = n.get(0).isNull() ? null : Json.number(n.get(0), field + "[0]");
        Double max = n.get(1).isNull() ? null : Json.number(n.get(1), field + "[1]");
        if (min == null && max == null) throw new RuleException(field, "needs a min or a max");
        if (min != null && max != null && min > max) throw new RuleException(field, "min is above max");
        return new Range(min, max);
    }

    private static String event(JsonNode n) {
        String kind = Json.string(n, "when.event").toLowerCase(Locale.ROOT);
        if (!EVENT_KINDS.contains(kind))
            throw new RuleException("when.event", "'" + kind + "' is not an event kind; known: " + EVENT_KINDS);
        return kind;
    }

    private static AtcTrigger atc(JsonNode n) {
        return switch (Json.string(n, "when.atc").toLowerCase(Locale.ROOT)) {
            case "online" -> AtcTrigger.ONLINE;
            case "offline" -> AtcTrigger.OFFLINE;
            default -> throw new RuleException("when.atc", "must be online or offline");
        };
    }

    private static Transition transition(JsonNode n, Area area, String event) {
        if (n == null) return area == null ? null : Transition.INSIDE;
        if (area == null) throw new RuleException("when.transition", "needs area");
        Transition t = switch (Json.string(n, "when.transition").toLowerCase(Locale.ROOT)) {
            case "inside" -> Transition.INSIDE;
            case "enter" -> Transition.ENTER;
            case "leave" -> Transition.LEAVE;
            default -> throw new RuleException("when.transition", "must be inside, enter or leave");
        };
        if (event != null && t != Transition.INSIDE)
            throw new RuleException("when.transition", "an event rule's area can only be inside (where the event was)");
        return t;
    }
}
