package io.skysentinel.source.opensky;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Drives a {@link CreditScheduler} against a {@link SimulatedBudget} with simulated time: the poll loop of the real
 * source, minus threads and HTTP. Each cycle sends one request per region, in order, as the source does.
 */
final class SchedulerSimulation {

    final CreditScheduler scheduler;
    final SimulatedBudget budget;
    final int[] regionCosts;
    final NavigableMap<Instant, Long> foreign = new TreeMap<>();

    final List<Instant> cycles = new ArrayList<>();
    final List<Instant> spends = new ArrayList<>(); // one entry per credit we spent
    int refused;
    long foreignSpent;

    SchedulerSimulation(CreditScheduler scheduler, SimulatedBudget budget, int... regionCosts) {
        this.scheduler = scheduler;
        this.budget = budget;
        this.regionCosts = regionCosts;
    }

    /** Another client of the account spends {@code credits} at {@code at}. */
    SchedulerSimulation foreignAt(Instant at, long credits) {
        foreign.merge(at, credits, Long::sum);
        return this;
    }

    SchedulerSimulation run(Instant from, Instant to) {
        Instant t = from;
        while (true) {
            Instant next = scheduler.nextPollAt(t);
            if (next.isBefore(t)) next = t;
            if (!next.isBefore(to)) break;
            for (var e : foreign.headMap(next, true).entrySet()) {
                if (!e.getKey().isBefore(t) && budget.foreignSpend(e.getKey(), e.getValue()))
                    foreignSpent += e.getValue();
            }
            t = next;
            cycle(t);
            t = t.plusMillis(1);
        }
        return this;
    }

    private void cycle(Instant at) {
        scheduler.cycleStarted(at);
        cycles.add(at);
        for (int cost : regionCosts) {
            SimulatedBudget.Answer a = budget.request(at, cost);
            if (!a.ok()) {
                refused++;
                scheduler.rateLimited(at, a.retryAfterS(), OptionalLong.of(0));
                return;
            }
            for (int i = 0; i < cost; i++) spends.add(at);
            scheduler.charged(at, cost, OptionalLong.of(a.remainingHeader()));
        }
        scheduler.cycleSucceeded();
    }

    long spentBetween(Instant from, Instant to) {
        return spends.stream().filter(s -> !s.isBefore(from) && s.isBefore(to)).count();
    }

    Duration shortestGap() {
        Duration min = Duration.ofDays(365);
        for (int i = 1; i < cycles.size(); i++) {
            Duration d = Duration.between(cycles.get(i - 1), cycles.get(i));
            if (d.compareTo(min) < 0) min = d;
        }
        return min;
    }

    Duration longestGap(Instant from, Instant to) {
        Duration max = Duration.ZERO;
        Instant prev = null;
        for (Instant c : cycles) {
            if (c.isBefore(from) || !c.isBefore(to)) continue;
            if (prev != null && Duration.between(prev, c).compareTo(max) > 0) max = Duration.between(prev, c);
            prev = c;
        }
        return max;
    }

    double meanGap(Instant from, Instant to) {
        List<Instant> in =
                cycles.stream().filter(c -> !c.isBefore(from) && c.isBefore(to)).toList();
        if (in.size() < 2) return Double.NaN;
        return Duration.between(in.getFirst(), in.getLast()).toMillis() / 1000.0 / (in.size() - 1);
    }
}
