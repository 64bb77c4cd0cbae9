package io.skysentinel.source.opensky;

/**
 * How who is watching changes a region's weight: with nobody's view on it the weight falls to {@code floor} times
 * its own (a region nobody looks at still keeps some freshness for history and alerts); each client whose view
 * overlaps it adds {@code perViewer}, up to {@code max} times. {@link #NONE} ignores viewers (today's behaviour).
 */
public record RegionDemand(double floor, double perViewer, double max) {

    public static final RegionDemand NONE = new RegionDemand(1, 0, 1);

    public RegionDemand {
        if (!(floor > 0) || floor > 1) throw new IllegalArgumentException("demand floor must be in (0, 1]: " + floor);
        if (!(perViewer >= 0) || Double.isInfinite(perViewer))
            throw new IllegalArgumentException("demand per-viewer must be >= 0: " + perViewer);
        if (!(max >= 1) || Double.isInfinite(max))
            throw new IllegalArgumentException("demand max must be >= 1: " + max);
    }

    /** The factor on the region's weight with {@code viewers} clients looking at it. */
    public double multiplier(int viewers) {
        if (viewers <= 0) return floor;
        return Math.min(max, 1 + perViewer * viewers);
    }
}
