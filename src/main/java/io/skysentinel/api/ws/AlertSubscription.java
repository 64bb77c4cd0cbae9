package io.skysentinel.api.ws;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which alerts a /ws/flights client wants: {@code {"type":"alerts","rules":"all"}}, a list of rule ids, or {@code []}
 * for none (the default). docs/websocket.md, "alert".
 */
record AlertSubscription(boolean all, Set<Long> rules) {

    static final AlertSubscription NONE = new AlertSubscription(false, Set.of());
    static final int MAX_RULES = 1000;

    boolean wants(long ruleId) {
        return all || rules.contains(ruleId);
    }

    /** Reads the message's {@code rules}; throws IllegalArgumentException with the reason for the error frame. */
    static AlertSubscription parse(JsonNode rules) {
        if (rules != null && rules.isString() && rules.stringValue().equals("all"))
            return new AlertSubscription(true, Set.of());
        if (rules == null || !rules.isArray() || rules.size() > MAX_RULES)
            throw new IllegalArgumentException(
                    "'rules' must be \"all\" or a list of at most " + MAX_RULES + " rule ids");
        Set<Long> ids = new HashSet<>();
        for (JsonNode id : rules.values()) {
            if (!id.isIntegralNumber() || !id.canConvertToLong())
                throw new IllegalArgumentException("'rules' must hold rule ids (whole numbers)");
            ids.add(id.longValue());
        }
        return ids.isEmpty() ? NONE : new AlertSubscription(false, Set.copyOf(ids));
    }
}
