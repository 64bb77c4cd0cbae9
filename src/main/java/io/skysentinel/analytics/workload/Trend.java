package io.skysentinel.analytics.workload;

import io.skysentinel.core.StateBucket;
import java.util.ArrayList;
import java.util.List;

/**
 * A position's counts over the last hour (or any range), bucket by bucket: the same rules as now, over the states
 * stored in each bucket. The filed arrivals and departures of a bucket are the plans to or from the position's
 * airports that some connected pilot held during it (wherever the pilot was), as now counts them over the picture.
 * Pure.
 */
public final class Trend {

    /** A plan some pilot held from {@code fromMs} until {@code untilMs}. */
    public record Filed(String departure, String arrival, long fromMs, long untilMs) {}

    /** One bucket's counts (the {@code callsign} and {@code facility} of the position). */
    public record Point(long startMs, WorkloadNow counts) {}

    private Trend() {}

    public static List<Point> of(
            Workload workload,
            String callsign,
            Facility facility,
            WorkloadArea area,
            List<StateBucket> buckets,
            List<Filed> plans,
            long stepMs) {
        List<Point> out = new ArrayList<>(buckets.size());
        for (StateBucket b : buckets) {
            WorkloadNow n = workload.now(callsign, facility, area, b.states());
            int arrivals = 0;
            int departures = 0;
            long end = b.startMs() + stepMs;
            for (Filed p : plans) {
                if (area.isNone() || p.fromMs() >= end || p.untilMs() < b.startMs()) continue;
                if (area.serves(p.arrival())) arrivals++;
                if (area.serves(p.departure())) departures++;
            }
            out.add(new Point(
                    b.startMs(),
                    new WorkloadNow(
                            n.callsign(),
                            n.facility(),
                            n.departing(),
                            n.arriving(),
                            n.overflying(),
                            n.onGround(),
                            arrivals,
                            departures)));
        }
        return out;
    }
}
