package io.skysentinel.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-rule delivery counters and the last error, what {@code GET /api/alerts/rules/{id}/delivery} shows (the dead
 * letters themselves are in the store). In memory, since start; a rule's entry goes with the rule.
 */
public final class DeliveryStatus {

    /** One rule's figures; {@code lastError} null until something failed. */
    public record Snapshot(
            long fired,
            long delivered,
            long failedAttempts,
            long deadLetters,
            long dropped,
            String lastError,
            Long lastErrorAtMs) {}

    private static final class Counters {
        final AtomicLong fired = new AtomicLong(), delivered = new AtomicLong(), failed = new AtomicLong();
        final AtomicLong dead = new AtomicLong(), dropped = new AtomicLong();
        volatile String lastError;
        volatile Long lastErrorAtMs;
    }

    private final Map<Long, Counters> rules = new ConcurrentHashMap<>();

    private Counters of(long ruleId) {
        return rules.computeIfAbsent(ruleId, k -> new Counters());
    }

    void fired(long ruleId) {
        of(ruleId).fired.incrementAndGet();
    }

    void delivered(long ruleId) {
        of(ruleId).delivered.incrementAndGet();
    }

    void failed(long ruleId, String error, long nowMs) {
        Counters c = of(ruleId);
        c.failed.incrementAndGet();
        c.lastError = error;
        c.lastErrorAtMs = nowMs;
    }

    void deadLetter(long ruleId) {
        of(ruleId).dead.incrementAndGet();
    }

    void dropped(long ruleId, long nowMs) {
        Counters c = of(ruleId);
        c.dropped.incrementAndGet();
        c.lastError = "dropped: the delivery queue was full";
        c.lastErrorAtMs = nowMs;
    }

    public Snapshot get(long ruleId) {
        Counters c = rules.get(ruleId);
        if (c == null) return new Snapshot(0, 0, 0, 0, 0, null, null);
        return new Snapshot(
                c.fired.get(),
                c.delivered.get(),
                c.failed.get(),
                c.dead.get(),
                c.dropped.get(),
                c.lastError,
                c.lastErrorAtMs);
    }

    public void forget(long ruleId) {
        rules.remove(ruleId);
    }
}
