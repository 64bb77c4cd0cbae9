package io.skysentinel.analytics.workload;

/**
 * A forecast count with its band. The band is Poisson-style, value ± √value (one standard deviation of a Poisson
 * count with that mean), the low end clipped at 0: the spread of counts alone, not the model's own error (that is
 * measured in docs/vatsim.md#workload-and-prediction).
 */
public record Estimate(double value, double low, double high) {

    public static Estimate poisson(double value) {
        double s = Math.sqrt(Math.max(0, value));
        return new Estimate(value, Math.max(0, value - s), value + s);
    }
}
