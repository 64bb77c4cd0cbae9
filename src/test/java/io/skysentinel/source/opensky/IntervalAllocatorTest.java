package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Against a brute-force grid search on small random cases (seeded, so a failure is reproducible). */
class IntervalAllocatorTest {

    @Test
    void staysWithinTheBudgetAndMatchesABruteForceSearch() {
        Random random = new Random(16);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(2);
            double[] c = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = 1 + random.nextInt(4);
                w[i] = 0.5 + random.nextInt(6);
            }
            double min = 5;
            double rate = (400 + random.nextInt(8000)) / 86_400.0;
            double[] t = IntervalAllocator.intervals(c, w, rate, min);
            assertThat(IntervalAllocator.spendRate(t, c)).isLessThanOrEqualTo(rate * (1 + 1e-9));
            for (double ti : t) assertThat(ti).isGreaterThanOrEqualTo(min);
            double planned = IntervalAllocator.weightedMeanAge(t, w);
            double best = bruteForce(c, w, rate, min);
            assertThat(planned).as("round %d", round).isLessThanOrEqualTo(best * 1.05);
        }
    }

    @Test
    void theSquareRootRuleWithoutTheFloor() {
        // equal cost, weight 4 vs 1: intervals 1 : 2
        double[] t = IntervalAllocator.intervals(new double[] {1, 1}, new double[] {4, 1}, 0.01, 1);
        assertThat(t[1] / t[0]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(IntervalAllocator.spendRate(t, new double[] {1, 1}))
                .isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aBoxPinnedAtTheFloorLeavesTheRestToTheOthers() {
        // a budget big enough for box 0 at the floor: its saving goes to box 1
        double[] t = IntervalAllocator.intervals(new double[] {1, 1}, new double[] {1000, 1}, 0.25, 5);
        assertThat(t[0]).isEqualTo(5.0);
        assertThat(t[1]).isCloseTo(1 / 0.05, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Every interval of the first boxes on a geometric grid; the last box takes what the budget leaves. */
    private static double bruteForce(double[] c, double[] w, double rate, double min) {
        double best = Double.POSITIVE_INFINITY;
        int n = c.length;
        int steps = 400;
        double max = 200_000;
        double ratio = Math.pow(max / min, 1.0 / steps);
        int[] idx = new int[n - 1];
        while (true) {
            double[] t = new double[n];
            double spent = 0;
            for (int i = 0; i < n - 1; i++) {
                t[i] = min * Math.pow(ratio, idx[i]);
                spent += c[i] / t[i];
            }
            double left = rate - spent;
            if (left > 0) {
                t[n - 1] = Math.max(min, c[n - 1] / left);
                best = Math.min(best, IntervalAllocator.weightedMeanAge(t, w));
            }
            int k = 0;
            while (k < n - 1 && ++idx[k] > steps) idx[k++] = 0;
            if (k == n - 1) return best;
        }
    }
}
