package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated day of the credit plan, second by second with a fake clock: three regions with their active hours,
 * viewers scripted per UTC hour, an OpenSky-like ledger that refuses (429) a request it cannot pay, and the poll loop
 * the source runs: replan when {@link ReplanGate} says so, poll each box when it is due. Measures what the users
 * see: the weighted mean data age (weight × demand, over each region's active seconds) and the credits used. The
 * same day can be run with one fixed interval per region instead, the baseline of docs/benchmarks.md.
 */
final class PlanDay {

    static final Instant START = Instant.parse("2026-12-02T00:00:00Z"); // a refill
    static final RegionDemand DEMAND = new RegionDemand(0.2, 0.5, 4);

    static final List<PlannedRegion> REGIONS = List.of(
            new PlannedRegion(
                    new WeightedRegion(new Region("nyc", 40.4, -74.5, 41.2, -73.5), 3),
                    ActiveHours.parse("06:00-00:00@America/New_York"),
                    DEMAND),
            new PlannedRegion(
                    new WeightedRegion(new Region("chi", 41.6, -88.3, 42.3, -87.5), 1),
                    ActiveHours.parse("05:00-23:00@America/Chicago"),
                    DEMAND),
            new PlannedRegion(
                    new WeightedRegion(new Region("zrh", 47.0, 8.0, 47.9, 9.1), 2),
                    ActiveHours.parse("06:00-22:00@Europe/Zurich"),
                    DEMAND));

    /** Viewers of a region in a UTC hour: Europe looks at Zurich by day, America at New York in its evening. */
    static int viewers(String region, Instant t) {
        int h = t.atZone(ZoneOffset.UTC).getHour();
        return switch (region) {
            case "zrh" -> h >= 7 && h < 18 ? 3 : 0;
            case "nyc" -> h >= 21 || h < 3 ? 6 : h >= 13 ? 2 : 0;
            default -> h == 15 || h == 16 ? 1 : 0;
        };
    }

    record Result(double weightedMeanAgeS, Map<String, Double> meanAgeS, long spent, int refused, int plans) {}

    static double minInterval(Tier tier) {
        return tier == Tier.ANONYMOUS ? 10 : 5;
    }

    /** The planner's day. */
    static Result planned(Tier tier, double reserve) {
        return planned(tier, reserve, false);
    }

    /** @param exhaustive plans found by the brute-force search of {@link CreditPlan} instead of its solution */
    static Result planned(Tier tier, double reserve, boolean exhaustive) {
        long budget = tier.dailyCredits();
        Instant refill = START.plus(Duration.ofDays(1));
        ReplanGate gate = new ReplanGate(Duration.ofMinutes(1));
        Map<List<String>, Instant> due = new LinkedHashMap<>();
        List<BoxPlanner.Box> boxes = List.of();
        Age age = new Age();
        long left = budget;
        int refused = 0, plans = 0;
        for (Instant t = START; t.isBefore(refill); t = t.plusSeconds(1)) {
            Instant now = t;
            Set<String> active = new HashSet<>();
            Map<String, Integer> viewers = new HashMap<>();
            for (PlannedRegion r : REGIONS) {
                if (r.hours().activeAt(now)) active.add(r.name());
                viewers.put(r.name(), viewers(r.name(), now));
            }
            ReplanGate.Inputs in = new ReplanGate.Inputs(active, viewers, left, refill);
            if (gate.shouldReplan(now, in)) {
                CreditPlan.Plan p =
                        CreditPlan.plan(REGIONS, now, n -> viewers(n, now), left, refill, reserve, minInterval(tier));
                gate.planned(now, in, p.spendRate());
                plans++;
                boxes = p.boxes();
                Map<List<String>, Instant> next = new LinkedHashMap<>();
                for (BoxPlanner.Box b : boxes) {
                    Instant was = due.get(b.regions());
                    next.put(b.regions(), was == null ? now : was);
                }
                due.clear();
                due.putAll(next);
            }
            for (BoxPlanner.Box b : boxes) {
                if (due.get(b.regions()).isAfter(now)) continue;
                // The source's rule too: a poll that would eat into the reserve waits (the plan's polls are
                // discrete, the plan's arithmetic is not: the last poll before the refill may not fit).
                if (left - b.cost() < reserve) {
                    due.put(b.regions(), now.plusMillis((long) (b.intervalS() * 1000)));
                    continue;
                }
                if (left < b.cost()) refused++;
                else {
                    left -= b.cost();
                    for (String r : b.regions()) age.polled(r, now);
                }
                due.put(b.regions(), now.plusMillis((long) (b.intervalS() * 1000)));
            }
            age.tick(now);
        }
        return age.result(budget - left, refused, plans);
    }

    /** The baseline: every region alone, all at one fixed interval that spends the budget over the day. */
    static Result fixed(Tier tier) {
        long budget = tier.dailyCredits();
        int cycleCost = 0;
        for (PlannedRegion r : REGIONS)
            cycleCost += CreditCost.forRegion(r.region().region());
        // the first cycle is at the start of the day: n cycles fit in n - 1 intervals
        double interval = Math.max(minInterval(tier), 86_400.0 / (budget / cycleCost - 1));
        Age age = new Age();
        long left = budget;
        int refused = 0;
        Instant next = START;
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(1))); t = t.plusSeconds(1)) {
            if (!t.isBefore(next)) {
                for (PlannedRegion r : REGIONS) {
                    int c = CreditCost.forRegion(r.region().region());
                    if (left < c) refused++;
                    else {
                        left -= c;
                        age.polled(r.name(), t);
                    }
                }
                next = t.plusMillis((long) (interval * 1000));
            }
            age.tick(t);
        }
        return age.result(budget - left, refused, 0);
    }

    /** Data age per region over its active seconds, weighted by weight × demand at that second. */
    static final class Age {
        final Map<String, Instant> last = new HashMap<>();
        final Map<String, double[]> perRegion = new HashMap<>(); // age sum, seconds
        double weightedSum, weightSum;

        void polled(String region, Instant t) {
            last.put(region, t);
        }

        void tick(Instant t) {
            for (PlannedRegion r : REGIONS) {
                if (!r.hours().activeAt(t)) {
                    last.remove(r.name()); // data from before a quiet spell does not count as fresh after it
                    continue;
                }
                Instant l = last.computeIfAbsent(r.name(), n -> t);
                double a = Duration.between(l, t).toMillis() / 1000.0;
                double w = r.region().weight() * r.demand().multiplier(viewers(r.name(), t));
                weightedSum += w * a;
                weightSum += w;
                double[] s = perRegion.computeIfAbsent(r.name(), n -> new double[2]);
                s[0] += a;
                s[1]++;
            }
        }

        Result result(long spent, int refused, int plans) {
            Map<String, Double> mean = new LinkedHashMap<>();
            for (PlannedRegion r : REGIONS) {
                double[] s = perRegion.get(r.name());
                mean.put(r.name(), s == null ? Double.NaN : s[0] / s[1]);
            }
            return new Result(weightedSum / weightSum, mean, spent, refused, plans);
        }
    }

    /**
     * The best any plan could do on this day knowing the viewers in advance (no planner can: it is what a perfect
     * forecast of the viewers would be worth): the fluid model (a box polled every
     * {@code T} s has mean age {@code T/2} and spends {@code c/T}), every second's boxes from {@link BoxPlanner},
     * and an exhaustive search over one interval scale {@code k} on a fine grid (convex and separable, so one
     * multiplier over the day is the optimum: the search only checks it).
     */
    static double oracleOptimum(Tier tier, double reserve) {
        double budget = tier.dailyCredits() - reserve, min = minInterval(tier);
        List<double[]> seconds = new ArrayList<>(); // per (minute, box): cost, weight, seconds
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(1))); t = t.plusSeconds(60)) {
            Instant now = t;
            List<WeightedRegion> active = new ArrayList<>();
            for (PlannedRegion r : REGIONS)
                if (r.hours().activeAt(now))
                    active.add(new WeightedRegion(
                            r.region().region(),
                            r.region().weight() * r.demand().multiplier(viewers(r.name(), now))));
            if (active.isEmpty()) continue;
            Map<String, Double> w = new HashMap<>();
            for (WeightedRegion r : active) w.put(r.name(), r.weight());
            for (BoxPlanner.Box b : BoxPlanner.plan(active, 1, 1, 0)) {
                double bw = 0;
                for (String n : b.regions()) bw += w.get(n);
                seconds.add(new double[] {b.cost(), bw, 60, b.regions().size()});
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 4000; i++) {
            double k = Math.pow(10, -2 + i * 6.0 / 4000);
            double spend = 0, ageW = 0, wSum = 0;
            for (double[] s : seconds) {
                double t = Math.max(min, k * Math.sqrt(s[0] / s[1]));
                spend += s[2] * s[0] / t;
                ageW += s[1] * s[2] * t / 2;
                wSum += s[1] * s[2];
            }
            if (spend <= budget) best = Math.min(best, ageW / wSum);
        }
        return best;
    }
}
