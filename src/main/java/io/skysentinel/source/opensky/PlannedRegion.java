package io.skysentinel.source.opensky;

/** A configured region as the planner sees it: its box and weight, when it is active, how viewers move its weight. */
public record PlannedRegion(WeightedRegion region, ActiveHours hours, RegionDemand demand) {

    public PlannedRegion {
        if (region == null || hours == null || demand == null)
            throw new IllegalArgumentException("a planned region needs a region, hours and demand");
    }

    /** A region polled always, whoever watches: what a plain OPENSKY_REGIONS entry means. */
    public static PlannedRegion always(WeightedRegion region) {
        return new PlannedRegion(region, ActiveHours.always(), RegionDemand.NONE);
    }

    public String name() {
        return region.name();
    }
}
