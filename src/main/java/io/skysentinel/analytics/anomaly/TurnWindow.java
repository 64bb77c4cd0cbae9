package io.skysentinel.analytics.anomaly;

/**
 * Signed track changes over a sliding time window, as a ring of at most {@value #CAPACITY} entries (a 5-minute
 * window at one state a second needs 300); when full the oldest turn is dropped, which can only under-count a hold.
 */
final class TurnWindow {

    static final int CAPACITY = 512;

    private long[] times = new long[8];
    private double[] turns = new double[8];
    private int head, size;
    private double sum;

    void add(long timeMs, double turnDeg) {
        if (size == times.length) {
            if (size == CAPACITY) removeOldest();
            else grow();
        }
        int i = (head + size) % times.length;
        times[i] = timeMs;
        turns[i] = turnDeg;
        size++;
        sum += turnDeg;
    }

    /** Drops turns made before {@code cutoffMs}. */
    void expire(long cutoffMs) {
        while (size > 0 && times[head] < cutoffMs) removeOldest();
        if (size == 0) sum = 0; // no drift from repeated float subtraction
    }

    void clear() {
        head = size = 0;
        sum = 0;
    }

    double sum() {
        return sum;
    }

    /** Time of the oldest turn still in the window, or -1. */
    long oldestMs() {
        return size == 0 ? -1 : times[head];
    }

    private void removeOldest() {
        sum -= turns[head];
        head = (head + 1) % times.length;
        size--;
    }

    private void grow() {
        long[] t = new long[Math.min(CAPACITY, times.length * 2)];
        double[] d = new double[t.length];
        for (int k = 0; k < size; k++) {
            t[k] = times[(head + k) % times.length];
            d[k] = turns[(head + k) % times.length];
        }
        times = t;
        turns = d;
        head = 0;
    }
}
