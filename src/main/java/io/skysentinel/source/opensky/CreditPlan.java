package io.skysentinel.source.opensky;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The plan for the credits left until the refill when regions have active hours (docs/opensky.md, "Several regions
 * over a day"). The time to the refill is cut into periods at every active-hours edge; each period has its own
 * boxes (the {@link BoxPlanner} grouping of the regions active then). With a box's mean age {@code T/2} and its spend
 * {@code c/T}, the Lagrangian over the whole horizon gives every box of every period {@code T = k √(c/w)} with one
 * {@code k}: a credit is worth the same wherever it is spent. The budget fixes {@code k}
 * ({@code Σ_p d_p Σ_b c_b / T_b = credits to spend}), found by bisection because of the minimum interval. Spending
 * the credits at the current rate instead ({@code credits / time to refill}) underspends before a busy evening and
 * overspends before a quiet night. Demand is taken as it is now for the whole horizon; a replan follows it.
 */
public final class CreditPlan {

    /** Periods are capped: three regions with two windows each have ~12 edges a day. */
    static final int MAX_PERIODS = 400;

    /**
     * @param at                           when it was made
     * @param boxes                        what to poll now, each at its interval
     * @param creditsToSpend               the credits left less the reserve
     * @param projectedCreditsLeftAtRefill what the plan leaves at the refill (the reserve, or more when every box is
     *                                     at the minimum interval)
     * @param inactiveRegions              regions outside their active hours now
     */
    public record Plan(
            Instant at,
            List<BoxPlanner.Box> boxes,
            double creditsToSpend,
            double projectedCreditsLeftAtRefill,
            List<String> inactiveRegions) {

        /** Credits per second the current boxes spend. */
        public double spendRate() {
            double r = 0;
            for (BoxPlanner.Box b : boxes) r += b.cost() / b.intervalS();
            return r;
        }
    }

    private record Period(double seconds, List<BoxPlanner.Box> grouping, double[] weights) {}

    private CreditPlan() {}

    public static Plan plan(
            List<PlannedRegion> regions,
            Instant now,
            ToIntFunction<String> viewersByRegionName,
            double creditsLeft,
            Instant refillAt,
            double reserve,
            double minIntervalS) {
        return plan(regions, now, viewersByRegionName, creditsLeft, refillAt, reserve, minIntervalS, false);
    }

    /**
     * @param exhaustive search {@code k} on a fine grid for the lowest projected age within the budget instead of
     *                   solving the budget equation (the tests' brute force, to check the solution in the loop)
     */
    static Plan plan(
            List<PlannedRegion> regions,
            Instant now,
            ToIntFunction<String> viewersByRegionName,
            double creditsLeft,
            Instant refillAt,
            double reserve,
            double minIntervalS,
            boolean exhaustive) {
        double budget = Math.max(0, creditsLeft - reserve);
        Map<String, Double> weight = new HashMap<>();
        for (PlannedRegion r : regions)
            weight.put(r.name(), r.region().weight() * r.demand().multiplier(viewersByRegionName.applyAsInt(r.name())));
        List<Period> periods = periods(regions, now, refillAt, weight);
        List<String> inactive = new ArrayList<>();
        for (PlannedRegion r : regions) if (!r.hours().activeAt(now)) inactive.add(r.name());
        Period current = periods.getFirst();
        if (current.grouping().isEmpty() || budget <= 0)
            return new Plan(now, List.of(), budget, creditsLeft, List.copyOf(inactive));
        double k = exhaustive ? gridK(periods, budget, minIntervalS) : solveK(periods, budget, minIntervalS);
        double spent = spend(periods, k, minIntervalS);
        List<BoxPlanner.Box> boxes = new ArrayList<>();
        for (int i = 0; i < current.grouping().size(); i++) {
            BoxPlanner.Box b = current.grouping().get(i);
            boxes.add(new BoxPlanner.Box(
                    b.box(), b.cost(), interval(k, b.cost(), current.weights()[i], minIntervalS), b.regions()));
        }
        return new Plan(now, List.copyOf(boxes), budget, creditsLeft - spent, List.copyOf(inactive));
    }

    /** The horizon cut at every active-hours edge, each part with the grouping of the regions active in it. */
    private static List<Period> periods(
            List<PlannedRegion> regions, Instant now, Instant refillAt, Map<String, Double> weight) {
        List<Period> out = new ArrayList<>();
        Instant t = now;
        Instant end = refillAt.isAfter(now) ? refillAt : now.plusSeconds(1);
        Map<List<String>, Period> byActiveSet = new HashMap<>();
        while (t.isBefore(end) && out.size() < MAX_PERIODS) {
            Instant next = end;
            List<WeightedRegion> active = new ArrayList<>();
            for (PlannedRegion r : regions) {
                if (r.hours().activeAt(t))
                    active.add(new WeightedRegion(r.region().region(), weight.get(r.name())));
                Instant c = r.hours().nextChange(t);
                if (c != null && c.isBefore(next)) next = c;
            }
            if (out.size() == MAX_PERIODS - 1) next = end;
            double seconds = (next.toEpochMilli() - t.toEpochMilli()) / 1000.0;
            List<String> names = active.stream().map(WeightedRegion::name).toList();
            Period shape = byActiveSet.computeIfAbsent(names, n -> grouping(active));
            out.add(new Period(seconds, shape.grouping(), shape.weights()));
            t = next;
        }
        return out;
    }

    /** The grouping that minimises Σ √(c w): the optimum for any budget while no box is at the minimum interval. */
    private static Period grouping(List<WeightedRegion> active) {
        if (active.isEmpty()) return new Period(0, List.of(), new double[0]);
        List<BoxPlanner.Box> g = BoxPlanner.plan(active, 1, 1, 0);
        double[] w = new double[g.size()];
        Map<String, Double> byName = new HashMap<>();
        for (WeightedRegion r : active) byName.put(r.name(), r.weight());
        for (int i = 0; i < g.size(); i++) for (String n : g.get(i).regions()) w[i] += byName.get(n);
        return new Period(0, g, w);
    }

    static double interval(double k, int cost, double weight, double min) {
        return Math.max(min, k * Math.sqrt(cost / weight));
    }

    private static double spend(List<Period> periods, double k, double min) {
        double s = 0;
        for (Period p : periods)
            for (int i = 0; i < p.grouping().size(); i++) {
                int c = p.grouping().get(i).cost();
                s += p.seconds() * c / interval(k, c, p.weights()[i], min);
            }
        return s;
    }

    /** The k of lowest projected weighted age within the budget, by trying 6,000 values from 10⁻³ to 10⁶. */
    private static double gridK(List<Period> periods, double budget, double min) {
        double best = Double.POSITIVE_INFINITY, bestK = 1e6;
        for (int i = 0; i <= 6000; i++) {
            double k = Math.pow(10, -3 + i * 9.0 / 6000);
            if (spend(periods, k, min) > budget) continue;
            double age = 0;
            for (Period p : periods)
                for (int b = 0; b < p.grouping().size(); b++)
                    age += p.seconds()
                            * p.weights()[b]
                            * interval(k, p.grouping().get(b).cost(), p.weights()[b], min);
            if (age < best) {
                best = age;
                bestK = k;
            }
        }
        return bestK;
    }

    /** The k whose spend is the budget (spend falls as k grows); the smallest k when even that fits. */
    private static double solveK(List<Period> periods, double budget, double min) {
        double lo = 1e-9, hi = 1;
        if (spend(periods, lo, min) <= budget) return lo; // every box at the minimum interval fits
        while (spend(periods, hi, min) > budget) hi *= 2;
        for (int i = 0; i < 100; i++) {
            double mid = Math.sqrt(lo * hi);
            if (spend(periods, mid, min) > budget) lo = mid;
            else hi = mid;
        }
        return hi;
    }
}
