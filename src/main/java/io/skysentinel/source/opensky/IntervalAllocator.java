package io.skysentinel.source.opensky;

/**
 * Poll intervals for fixed boxes that minimise the weighted mean data age within a credit rate. Pure arithmetic.
 *
 * <p>A box polled every {@code T} seconds has a mean data age of {@code T/2}. Minimise {@code Σ w_i T_i / 2} subject
 * to {@code Σ c_i / T_i ≤ rate} (credits per second) and {@code T_i ≥ min}. The Lagrangian condition
 * {@code w_i / 2 = λ c_i / T_i²} gives {@code T_i = k √(c_i / w_i)}; the budget fixes
 * {@code k = Σ √(c_i w_i) / rate}. Boxes whose {@code T_i} falls below the minimum are pinned there, their spending
 * is taken off the rate and {@code k} is recomputed for the rest (the problem is convex, so this is the optimum).
 * Derivation in docs/opensky.md.
 */
public final class IntervalAllocator {

    private IntervalAllocator() {}

    /**
     * @param costs   credits per request of each box (> 0)
     * @param weights how much each box's freshness matters (> 0)
     * @param rate    credits per second that may be spent (> 0)
     * @param min     the shortest allowed interval, seconds
     * @return the interval of each box in seconds
     */
    public static double[] intervals(double[] costs, double[] weights, double rate, double min) {
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be > 0: " + rate);
        int n = costs.length;
        double[] t = new double[n];
        boolean[] pinned = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            double free = rate;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (pinned[i]) free -= costs[i] / min;
                else sum += Math.sqrt(costs[i] * weights[i]);
            }
            double k = free > 0 ? sum / free : Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (pinned[i]) {
                    t[i] = min;
                    continue;
                }
                t[i] = k * Math.sqrt(costs[i] / weights[i]);
                if (t[i] < min) {
                    pinned[i] = true;
                    changed = true;
                }
            }
        }
        return t;
    }

    /** Σ w_i T_i / 2 over Σ w_i: the weighted mean data age in seconds. */
    public static double weightedMeanAge(double[] intervals, double[] weights) {
        double age = 0;
        double w = 0;
        for (int i = 0; i < intervals.length; i++) {
            age += weights[i] * intervals[i] / 2;
            w += weights[i];
        }
        return age / w;
    }

    /** Credits per second that the intervals spend. */
    public static double spendRate(double[] intervals, double[] costs) {
        double r = 0;
        for (int i = 0; i < intervals.length; i++) r += costs[i] / intervals[i];
        return r;
    }
}
