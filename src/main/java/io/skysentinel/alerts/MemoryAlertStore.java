package io.skysentinel.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The store when history is off (HISTORY_ENABLED=false): rules in memory (lost on restart), and the last
 * {@code capacity} fired alerts and dead letters (older ones forgotten, which {@link #forgotten()} counts).
 */
public final class MemoryAlertStore implements AlertStore {

    private final int capacity;
    private final TreeMap<Long, AlertRule> rules = new TreeMap<>();
    private final Deque<FiredAlert> fired = new ArrayDeque<>();
    private final Deque<DeadLetter> dead = new ArrayDeque<>();
    private long nextId = 1;
    private long forgotten;

    public MemoryAlertStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
        this.capacity = capacity;
    }

    @Override
    public synchronized AlertRule create(AlertRule rule) {
        AlertRule r = rule.withId(nextId++);
        rules.put(r.id(), r);
        return r;
    }

    @Override
    public synchronized Optional<AlertRule> find(long id) {
        return Optional.ofNullable(rules.get(id));
    }

    @Override
    public synchronized List<AlertRule> all() {
        return List.copyOf(rules.values());
    }

    @Override
    public synchronized boolean update(AlertRule rule) {
        if (!rules.containsKey(rule.id())) return false;
        rules.put(rule.id(), rule);
        return true;
    }

    @Override
    public synchronized boolean delete(long id) {
        return rules.remove(id) != null;
    }

    @Override
    public synchronized void recordFired(List<FiredAlert> alerts) {
        for (FiredAlert a : alerts) {
            fired.addFirst(a);
            if (fired.size() > capacity) {
                fired.removeLast();
                forgotten++;
            }
        }
    }

    private Stream<FiredAlert> matching(Long ruleId, long fromMs, long toMs) {
        return fired.stream()
                .filter(a ->
                        (ruleId == null || a.ruleId() == ruleId) && a.firedAtMs() >= fromMs && a.firedAtMs() <= toMs)
                .sorted(Comparator.comparingLong(FiredAlert::firedAtMs).reversed());
    }

    @Override
    public synchronized List<FiredAlert> fired(Long ruleId, long fromMs, long toMs, int offset, int limit) {
        return matching(ruleId, fromMs, toMs).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long countFired(Long ruleId, long fromMs, long toMs) {
        return matching(ruleId, fromMs, toMs).count();
    }

    @Override
    public synchronized void recordDeadLetter(DeadLetter letter) {
        dead.addFirst(letter);
        if (dead.size() > capacity) {
            dead.removeLast();
            forgotten++;
        }
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(long ruleId, int limit) {
        List<DeadLetter> out = new ArrayList<>();
        for (DeadLetter d : dead) if (d.ruleId() == ruleId && out.size() < limit) out.add(d);
        return out;
    }

    @Override
    public synchronized long forgetBefore(long cutoffMs) {
        int before = fired.size() + dead.size();
        fired.removeIf(a -> a.firedAtMs() < cutoffMs);
        dead.removeIf(d -> d.failedAtMs() < cutoffMs);
        return before - fired.size() - dead.size();
    }

    /** Fired alerts and dead letters dropped beyond the capacity, since start. */
    public synchronized long forgotten() {
        return forgotten;
    }
}
