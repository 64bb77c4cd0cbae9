package io.skysentinel.alerts;

/** A rule that cannot be used, naming the field (a JSON path such as {@code when.area.circle}); REST makes it a 400. */
public class RuleException extends RuntimeException {
    private final String field;

    public RuleException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
