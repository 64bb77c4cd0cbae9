package io.skysentinel.source.opensky;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * For the ROLLING refill rule: which credits were spent when, so we know when they come back (24 h later).
 * Entries older than 24 h are dropped as soon as a header has accounted for them, so the deque never holds more
 * than one day of cycles (≤ 86,400 s / min-interval entries per region, plus one per header for foreign use).
 */
final class RollingLedger {

    static final Duration WINDOW = Duration.ofDays(1);

    private record Spend(Instant at, long credits, boolean ours) {
        Instant returnsAt() {
            return at.plus(WINDOW);
        }
    }

    private final Deque<Spend> spends = new ArrayDeque<>();

    void spent(Instant at, long credits, boolean ours) {
        if (credits > 0) spends.addLast(new Spend(at, credits, ours));
    }

    /** Forgets spends whose return a header observed at {@code observedAt} already includes. */
    void prune(Instant observedAt) {
        while (!spends.isEmpty() && !spends.peekFirst().returnsAt().isAfter(observedAt)) spends.removeFirst();
    }

    /** Credits that come back in (from, to]. */
    long returnedBetween(Instant from, Instant to) {
        long sum = 0;
        for (Spend s : spends) {
            Instant r = s.returnsAt();
            if (r.isAfter(to)) break; // spends are in time order, so returns are too
            if (r.isAfter(from)) sum += s.credits();
        }
        return sum;
    }

    /** The first instant after {@code from} at which {@code remaining} plus returns reaches {@code needed}, or null. */
    Instant availableAt(Instant from, long remaining, long needed) {
        long have = remaining;
        for (Spend s : spends) {
            if (!s.returnsAt().isAfter(from)) continue;
            have += s.credits();
            if (have >= needed) return s.returnsAt();
        }
        return null;
    }

    /** The next instant after {@code from} at which any credit comes back, or null. */
    Instant nextReturn(Instant from) {
        for (Spend s : spends) if (s.returnsAt().isAfter(from)) return s.returnsAt();
        return null;
    }

    /**
     * The fastest constant spending rate (credits per second) that never needs more than is there: for every future
     * instant τ, rate·τ ≤ remaining + credits back before τ. Only the moments just before a return and the end of the
     * window can bind, so those are the ones checked.
     */
    double sustainableRate(Instant from, long remaining) {
        double best = Double.POSITIVE_INFINITY;
        long back = 0;
        for (Spend s : spends) {
            Instant r = s.returnsAt();
            if (!r.isAfter(from)) continue;
            double tau = Duration.between(from, r).toMillis() / 1000.0;
            if (tau > 0) best = Math.min(best, (remaining + back) / tau);
            back += s.credits();
        }
        return Math.min(best, (remaining + back) / (double) WINDOW.toSeconds());
    }

    /** Credits taken by other clients of the account in the last 24 h (what the headers showed beyond our own use). */
    long foreignInWindow() {
        long sum = 0;
        for (Spend s : spends) if (!s.ours()) sum += s.credits();
        return sum;
    }

    int size() {
        return spends.size();
    }
}
