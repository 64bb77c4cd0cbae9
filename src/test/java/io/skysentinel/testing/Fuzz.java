package io.skysentinel.testing;

import java.util.Random;

/**
 * A small property runner for the parser fuzz tests: runs a property on many seeded random inputs and, on a failure,
 * names the seed that reproduces it. Seeded {@link Random}s rather than a property-testing library: the inputs are
 * the hostile shapes of {@link HostileJson}, and a failure is replayed with {@code -Dfuzz.seed=S -Dfuzz.tries=1}.
 *
 * <p>{@code -Dfuzz.tries=N} runs N inputs per property (CI uses each test's default, a few hundred: seconds);
 * {@code -Dfuzz.seed=S} starts at seed S instead of a fresh one, so every CI run tries new inputs.
 */
public final class Fuzz {

    /** A property over one random source; anything it throws is a failure. */
    @FunctionalInterface
    public interface Property {
        void check(Random random) throws Exception;
    }

    private Fuzz() {}

    /** Runs {@code property} on {@code defaultTries} seeds (or {@code fuzz.tries}), failing with the first bad seed. */
    public static void forAll(int defaultTries, Property property) {
        int tries = Integer.getInteger("fuzz.tries", defaultTries);
        long base = Long.getLong("fuzz.seed", new Random().nextLong());
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            try {
                property.check(new Random(seed));
            } catch (Throwable t) {
                String why = String.valueOf(t);
                if (why.length() > 2_000) why = why.substring(0, 2_000) + "…";
                throw new AssertionError(
                        "property failed for seed " + seed + " (replay: -Dfuzz.seed=" + seed + " -Dfuzz.tries=1): "
                                + why,
                        t);
            }
        }
    }
}
