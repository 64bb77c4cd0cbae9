package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;
import java.util.List;

/**
 * What one {@code /states/all} request costs in OpenSky API credits, by the area of its bounding box. The table is
 * OpenSky's (REST docs, "API credit usage"): up to 25 sq deg 1 credit, up to 100 sq deg 2, up to 400 sq deg 3,
 * larger or no box at all 4. The boundaries belong to the cheaper row (a box of exactly 25 sq deg costs 1).
 */
public final class CreditCost {

    /** The cost of a request without a bounding box (the whole world). */
    public static final int WORLD = 4;

    private CreditCost() {}

    public static int forArea(double areaSqDeg) {
        if (!(areaSqDeg >= 0)) throw new IllegalArgumentException("area must be a non-negative number: " + areaSqDeg);
        if (areaSqDeg <= 25) return 1;
        if (areaSqDeg <= 100) return 2;
        if (areaSqDeg <= 400) return 3;
        return WORLD;
    }

    /** @param region the box, or null for a request without one */
    public static int forRegion(Region region) {
        return region == null ? WORLD : forArea(region.areaSqDeg());
    }

    /** One poll cycle requests every region once; no regions means one box-less (world) request. */
    public static int forCycle(List<Region> regions) {
        if (regions.isEmpty()) return WORLD;
        int sum = 0;
        for (Region r : regions) sum += forRegion(r);
        return sum;
    }
}
