package io.skysentinel.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-bucket, HdrHistogram-like histogram of non-negative millisecond values, safe to record from many threads.
 * Values below 1,024 have their own bucket (exact); above, every power of two is split into 512 buckets, so a
 * percentile is reported within 0.2 % of the true value. Memory is fixed (about 140 KB) whatever is recorded.
 * Percentiles report the highest value of the bucket they fall in (never below the true value), capped at the
 * exact maximum recorded.
 */
public final class LagHistogram {

    static final int EXACT = 1024; // values 0..1023 are exact
    static final int SUB = 512; // buckets per power of two above that
    static final int MAX_EXPONENT = 40; // values up to 2^40 ms (~35 years); larger are clamped
    static final long MAX_VALUE = (1L << MAX_EXPONENT) - 1;
    private static final int BUCKETS = EXACT + (MAX_EXPONENT - 10) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong negatives = new AtomicLong();

    /** Records one value; a negative one (clock step) counts as 0 and is counted in {@link #negatives()}. */
    public void record(long value) {
        if (value < 0) {
            negatives.incrementAndGet();
            value = 0;
        }
        if (value > MAX_VALUE) value = MAX_VALUE;
        counts.incrementAndGet(index(value));
        total.incrementAndGet();
        sum.addAndGet(value);
        max.accumulateAndGet(value, Math::max);
        min.accumulateAndGet(value, Math::min);
    }

    static int index(long v) {
        if (v < EXACT) return (int) v;
        int exp = 63 - Long.numberOfLeadingZeros(v); // 10..39
        int shift = exp - 9; // keeps the 10 top bits: 512..1023
        int sub = (int) (v >>> shift) - SUB; // 0..511
        return EXACT + (exp - 10) * SUB + sub;
    }

    /** The highest value that falls into bucket {@code i}. */
    static long highestIn(int i) {
        if (i < EXACT) return i;
        int exp = (i - EXACT) / SUB + 10;
        int sub = (i - EXACT) % SUB;
        int shift = exp - 9;
        return (((long) (SUB + sub + 1)) << shift) - 1;
    }

    public long count() {
        return total.get();
    }

    public long max() {
        return total.get() == 0 ? 0 : max.get();
    }

    public long min() {
        return total.get() == 0 ? 0 : min.get();
    }

    public double mean() {
        long n = total.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    public long negatives() {
        return negatives.get();
    }

    /**
     * The value at percentile {@code p} (0 &lt; p ≤ 100): the smallest bucket whose cumulative count reaches
     * ceil(p/100 × count), reported as that bucket's highest value (capped at the max). 0 when empty.
     */
    public long percentile(double p) {
        if (p <= 0 || p > 100) throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        long n = total.get();
        if (n == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) return Math.min(highestIn(i), max());
        }
        return max();
    }
}
