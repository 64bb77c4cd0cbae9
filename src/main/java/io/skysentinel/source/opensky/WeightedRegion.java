package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;

/**
 * A region the planner serves: its box and how much its freshness matters relative to the others (the {@code @w} of
 * the compact form, default 1). Weights are relative, so only their ratios change a plan.
 */
public record WeightedRegion(Region region, double weight) {

    public WeightedRegion {
        if (region == null) throw new IllegalArgumentException("region must not be null");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    "region '" + region.name() + "': weight " + weight + " must be a positive number");
        }
    }

    public String name() {
        return region.name();
    }
}
