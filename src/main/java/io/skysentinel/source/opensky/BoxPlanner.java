package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the query boxes for the active regions and an interval per box (pure, no clock of its own: the caller
 * passes the budget it has now). Each region is asked whole, alone or inside the bounding box of a group; every
 * grouping of up to {@link #MAX_EXACT} regions is tried and the one with the lowest weighted mean age under
 * {@link IntervalAllocator} wins, so two regions share a box only when that buys freshness (one credit instead of
 * two), never when the joined box climbs a price step for nothing. A merged box's weight is the sum of its regions'.
 */
public final class BoxPlanner {

    /** Set partitions grow as Bell numbers: 8 regions are 4,140 groupings, still instant. */
    public static final int MAX_EXACT = 8;

    /** One query box of the plan. */
    public record Box(Region box, int cost, double intervalS, List<String> regions) {}

    private BoxPlanner() {}

    /**
     * @param active        the regions to serve now with their effective weights (inactive ones left out)
     * @param creditsToSpend credits left less the manual-refresh reserve
     * @param secondsToRefill time until the allowance comes back
     * @param minIntervalS  the tier's data resolution
     */
    public static List<Box> plan(
            List<WeightedRegion> active, double creditsToSpend, double secondsToRefill, double minIntervalS) {
        if (active.isEmpty() || creditsToSpend <= 0) return List.of();
        if (active.size() > MAX_EXACT) throw new IllegalArgumentException("at most " + MAX_EXACT + " regions");
        double rate = creditsToSpend / Math.max(secondsToRefill, 1);
        List<Box> best = null;
        double bestAge = Double.POSITIVE_INFINITY;
        int n = active.size();
        int[] group = new int[n]; // restricted growth string: region i is in group[i]
        while (true) {
            List<List<WeightedRegion>> groups = groups(active, group);
            double[] c = new double[groups.size()];
            double[] w = new double[groups.size()];
            Region[] boxes = new Region[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                boxes[g] = union(groups.get(g));
                c[g] = CreditCost.forRegion(boxes[g]);
                for (WeightedRegion r : groups.get(g)) w[g] += r.weight();
            }
            double[] t = IntervalAllocator.intervals(c, w, rate, minIntervalS);
            double age = IntervalAllocator.weightedMeanAge(t, w);
            if (age < bestAge) {
                bestAge = age;
                best = new ArrayList<>();
                for (int g = 0; g < groups.size(); g++) {
                    List<String> names =
                            groups.get(g).stream().map(WeightedRegion::name).toList();
                    best.add(new Box(boxes[g], (int) c[g], t[g], names));
                }
            }
            if (!next(group)) return List.copyOf(best);
        }
    }

    private static List<List<WeightedRegion>> groups(List<WeightedRegion> regions, int[] group) {
        List<List<WeightedRegion>> out = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            while (out.size() <= group[i]) out.add(new ArrayList<>());
            out.get(group[i]).add(regions.get(i));
        }
        return out;
    }

    /** The next restricted growth string (each entry at most one above the maximum before it), or false at the end. */
    private static boolean next(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int max = 0;
            for (int j = 0; j < i; j++) max = Math.max(max, a[j]);
            if (a[i] <= max) {
                a[i]++;
                for (int j = i + 1; j < a.length; j++) a[j] = 0;
                return true;
            }
        }
        return false;
    }

    static Region union(List<WeightedRegion> group) {
        if (group.size() == 1) return group.get(0).region();
        double lamin = 90, lomin = 180, lamax = -90, lomax = -180;
        StringBuilder name = new StringBuilder();
        for (WeightedRegion r : group) {
            Region b = r.region();
            lamin = Math.min(lamin, b.lamin());
            lomin = Math.min(lomin, b.lomin());
            lamax = Math.max(lamax, b.lamax());
            lomax = Math.max(lomax, b.lomax());
            name.append(name.isEmpty() ? "" : "+").append(b.name());
        }
        return new Region(name.toString(), lamin, lomin, lamax, lomax);
    }
}
