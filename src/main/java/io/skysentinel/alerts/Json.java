package io.skysentinel.alerts;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reading typed values out of a rule's JSON, failing with a {@link RuleException} that names the field. */
final class Json {

    private Json() {}

    static String string(JsonNode n, String field) {
        if (!n.isString() || n.stringValue().isBlank()) throw new RuleException(field, "must be a non-empty string");
        return n.stringValue().trim();
    }

    static double number(JsonNode n, String field) {
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) throw new RuleException(field, "must be a number");
        return n.doubleValue();
    }

    static boolean bool(JsonNode n, String field) {
        if (!n.isBoolean()) throw new RuleException(field, "must be true or false");
        return n.booleanValue();
    }

    static Glob glob(JsonNode n, String field) {
        try {
            return new Glob(string(n, field));
        } catch (IllegalArgumentException e) {
            throw new RuleException(field, e.getMessage());
        }
    }

    /** One value or a non-empty list of them, each read by {@code one} (given the element's field name). */
    static <T> Set<T> oneOrList(JsonNode n, String field, ElementReader<T> one) {
        Set<T> out = new LinkedHashSet<>();
        if (n.isArray()) {
            if (n.isEmpty()) throw new RuleException(field, "must not be an empty list");
            if (n.size() > 1000) throw new RuleException(field, "has more than 1000 entries");
            for (int i = 0; i < n.size(); i++) out.add(one.read(n.get(i), field + "[" + i + "]"));
        } else out.add(one.read(n, field));
        return Set.copyOf(out);
    }

    static Set<String> strings(JsonNode n, String field, Function<String, String> normalise) {
        return oneOrList(n, field, (e, f) -> normalise.apply(string(e, f)));
    }

    interface ElementReader<T> {
        T read(JsonNode n, String field);
    }
}
