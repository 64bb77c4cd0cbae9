package io.skysentinel.alerts;

/** A closed interval {@code [min, max]}; either end may be null (open). A null value is outside every range. */
public record Range(Double min, Double max) {

    public boolean contains(Double v) {
        if (v == null || v.isNaN()) return false;
        return (min == null || v >= min) && (max == null || v <= max);
    }
}
