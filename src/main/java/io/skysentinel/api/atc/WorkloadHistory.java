package io.skysentinel.api.atc;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.skysentinel.analytics.workload.SectorIndex;
import io.skysentinel.analytics.workload.SectorSeries;
import io.skysentinel.analytics.workload.Trend;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.analytics.workload.WorkloadArea;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Position;
import io.skysentinel.core.StateBucket;
import io.skysentinel.history.AreaHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workload endpoints read from history (docs/vatsim.md#workload-and-prediction): a position's last hour in
 * 5-minute buckets, and the sectors over a range. The stored VATSIM states, cut into buckets by {@link AreaHistory},
 * go through the same pure rules as the live picture.
 */
final class WorkloadHistory {

    static final String SOURCE = "vatsim";
    static final long STEP_MS = 300_000;
    static final long TREND_MS = 3_600_000;
    /** At most this many buckets over a range: longer ranges get coarser steps (multiples of 5 minutes). */
    static final int MAX_BUCKETS = 144;

    /** One bucket of a position's trend: its start and the counts as {@code now} has them (flattened in JSON). */
    record TrendBucket(Instant start, @JsonUnwrapped WorkloadController.Counts counts) {
        static TrendBucket of(Trend.Point p) {
            return new TrendBucket(Instant.ofEpochMilli(p.startMs()), WorkloadController.Counts.of(p.counts()));
        }
    }

    record TrendView(Instant from, Instant to, long stepS, List<TrendBucket> buckets) {}

    private final AreaHistory history;

    WorkloadHistory(AreaHistory history) {
        this.history = history;
    }

    /**
     * The end of the picture's time, exclusive: one second after its newest state (states are stored to the second),
     * or {@code fallbackMs} without pilots. Live, that is about now; over a recorded feed, the feed's time, so the
     * trend and the ranges read the hour the picture is from.
     */
    static long pictureEnd(List<Aircraft> pilots, long fallbackMs) {
        long newest = Long.MIN_VALUE;
        for (Aircraft a : pilots) {
            long s = a.timePositionUnix() != null ? a.timePositionUnix() : a.lastContactUnix();
            newest = Math.max(newest, s);
        }
        return newest == Long.MIN_VALUE ? fallbackMs : (newest + 1) * 1000;
    }

    /** The hour before {@code nowMs} in twelve 5-minute buckets, the last ending at {@code nowMs}. */
    TrendView trend(Workload workload, AtcPosition p, WorkloadArea area, long nowMs) {
        long from = nowMs - TREND_MS;
        List<Trend.Point> points;
        if (area.isNone()) {
            points = List.of();
        } else {
            List<StateBucket> buckets = history.buckets(SOURCE, area.bounds(), from, nowMs, STEP_MS);
            List<Trend.Filed> plans = new ArrayList<>();
            for (AreaHistory.FiledPlan f : history.plans(SOURCE, from, nowMs))
                plans.add(new Trend.Filed(f.departure(), f.arrival(), f.firstSeenMs(), f.lastSeenMs()));
            points = Trend.of(
                    workload,
                    p.callsign(),
                    io.skysentinel.analytics.workload.Facility.of(p),
                    area,
                    buckets,
                    plans,
                    STEP_MS);
        }
        return new TrendView(
                Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(nowMs),
                STEP_MS / 1000,
                points.stream().map(TrendBucket::of).toList());
    }

    /** The step for a range: 5 minutes, or the smallest multiple of it giving at most {@link #MAX_BUCKETS}. */
    static long step(long fromMs, long toMs) {
        long span = Math.max(1, toMs - fromMs);
        long buckets = (span + STEP_MS - 1) / STEP_MS;
        long multiple = (buckets + MAX_BUCKETS - 1) / MAX_BUCKETS;
        return STEP_MS * Math.max(1, multiple);
    }

    /** Aircraft per sector over [fromMs, toMs), with who staffed them. */
    SectorSeries sectors(SectorIndex index, long fromMs, long toMs) {
        long step = step(fromMs, toMs);
        List<SectorSeries.Sample> samples = new ArrayList<>();
        for (StateBucket b : history.buckets(SOURCE, null, fromMs, toMs, step)) {
            List<Position> points = new ArrayList<>(b.states().size());
            for (Aircraft a : b.states()) if (a.position() != null) points.add(a.position());
            samples.add(new SectorSeries.Sample(b.startMs(), points));
        }
        List<SectorSeries.Staffing> staffing = new ArrayList<>();
        for (AreaHistory.StaffedSpan s : history.staffed(SOURCE, fromMs, toMs))
            staffing.add(new SectorSeries.Staffing(s.areaKind(), s.areaId(), s.logonMs(), s.untilMs()));
        return new SectorSeries(index, samples, staffing, step);
    }
}
