package io.skysentinel.analytics.workload;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.core.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aircraft per sector over a range, from the sky cut into fixed buckets: every sector's series, and the busiest
 * sectors over the range by their peak, with how much of the range someone staffed them. Staffed follows {@link
 * SectorDensity}: a session working exactly that area (same kind and id) online at some time in the bucket. Pure.
 */
public final class SectorSeries {

    /** The aircraft positions seen in one bucket [startMs, startMs + step). */
    public record Sample(long startMs, List<Position> points) {}

    /** One ATC session working an area from {@code fromMs} until {@code untilMs}. */
    public record Staffing(String kind, String id, long fromMs, long untilMs) {}

    /** One bucket of one sector. */
    public record Point(long startMs, int aircraft, boolean staffed) {}

    /**
     * One sector over the range: its highest bucket count and the first bucket that reached it, the mean per bucket,
     * and the share (0..1) of buckets in which it was staffed.
     */
    public record Peak(
            String kind,
            String id,
            String name,
            int peakAircraft,
            long peakAtMs,
            double meanAircraft,
            double staffedShare) {}

    private final SectorIndex index;
    private final List<Sample> samples;
    private final long stepMs;
    private final int[][] counts; // [bucket][sector]
    private final Map<String, List<Staffing>> staffing = new HashMap<>();

    public SectorSeries(SectorIndex index, List<Sample> samples, List<Staffing> sessions, long stepMs) {
        this.index = index;
        this.samples = List.copyOf(samples);
        this.stepMs = stepMs;
        this.counts = new int[this.samples.size()][];
        for (int b = 0; b < counts.length; b++)
            counts[b] = index.count(this.samples.get(b).points());
        for (Staffing s : sessions)
            staffing.computeIfAbsent(SectorDensity.key(s.kind(), s.id()), k -> new ArrayList<>())
                    .add(s);
    }

    /** Sectors with at least one aircraft in some bucket, highest peak first (then mean, kind, id), at most limit. */
    public List<Peak> busiest(int limit) {
        List<Peak> out = new ArrayList<>();
        for (int i = 0; i < index.sectors().size(); i++) {
            Peak p = peak(i);
            if (p.peakAircraft() > 0) out.add(p);
        }
        out.sort(Comparator.comparingInt(Peak::peakAircraft)
                .thenComparingDouble(Peak::meanAircraft)
                .reversed()
                .thenComparing(Peak::kind)
                .thenComparing(Peak::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The sector at {@code sector} (an index into {@link SectorIndex#sectors()}) over the range. */
    public Peak peak(int sector) {
        AreaShape s = index.sectors().get(sector);
        int peak = 0;
        long peakAt = samples.isEmpty() ? 0 : samples.getFirst().startMs();
        long sum = 0;
        int staffedBuckets = 0;
        for (int b = 0; b < samples.size(); b++) {
            int n = counts[b][sector];
            sum += n;
            if (n > peak) {
                peak = n;
                peakAt = samples.get(b).startMs();
            }
            if (staffed(s, samples.get(b).startMs())) staffedBuckets++;
        }
        double buckets = Math.max(1, samples.size());
        return new Peak(s.kind(), s.id(), s.name(), peak, peakAt, sum / buckets, staffedBuckets / buckets);
    }

    /** The sector's series, one point per bucket in order. */
    public List<Point> series(int sector) {
        AreaShape s = index.sectors().get(sector);
        List<Point> out = new ArrayList<>(samples.size());
        for (int b = 0; b < samples.size(); b++) {
            long start = samples.get(b).startMs();
            out.add(new Point(start, counts[b][sector], staffed(s, start)));
        }
        return out;
    }

    private boolean staffed(AreaShape s, long startMs) {
        List<Staffing> spans = staffing.get(SectorDensity.key(s.kind(), s.id()));
        if (spans == null) return false;
        long end = startMs + stepMs;
        for (Staffing sp : spans) if (sp.fromMs() < end && sp.untilMs() >= startMs) return true;
        return false;
    }
}
