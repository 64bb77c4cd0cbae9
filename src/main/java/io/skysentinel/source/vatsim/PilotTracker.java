package io.skysentinel.source.vatsim;

import io.skysentinel.core.Geo;
import io.skysentinel.source.vatsim.VatsimFeed.Pilot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the feed does not say but consecutive feeds do: each pilot's true track and vertical rate, from the previous
 * sample of the same CID (docs/vatsim.md#how-derived-values-are-computed). Holds one sample per pilot of the last
 * feed, so it is bounded by the pilots online; a pilot missing from a feed is forgotten. Not thread-safe: the poll
 * thread owns it.
 */
final class PilotTracker {

    /** Moves shorter than this are GPS-like jitter of a parked or hovering aircraft: no new track from them. */
    static final double MIN_MOVE_M = 30;
    /** Faster than this (about Mach 3) between two samples is a reposition (slew, reconnect), not flight. */
    static final double MAX_SPEED_MPS = 1000;

    /** One pilot's last sample and what was derived from it. */
    record Sample(double lat, double lon, Double altitudeFt, long lastUpdatedMs, Double trackDeg, Double verticalMps) {}

    /** The derived values for one pilot of the current feed. */
    record Derived(Double trackDeg, Double verticalRateMps) {}

    private Map<Long, Sample> samples = new HashMap<>();

    /** Derives every pilot's values and makes this feed the reference for the next; result in the input's order. */
    Derived[] advance(List<Pilot> pilots) {
        Map<Long, Sample> next = HashMap.newHashMap(pilots.size());
        Derived[] out = new Derived[pilots.size()];
        for (int i = 0; i < out.length; i++) {
            Pilot p = pilots.get(i);
            Sample s = derive(samples.get(p.cid()), p);
            next.put(p.cid(), s);
            out[i] = new Derived(s.trackDeg(), s.verticalMps());
        }
        samples = next;
        return out;
    }

    int size() {
        return samples.size();
    }

    static Sample derive(Sample prev, Pilot p) {
        if (prev == null) return new Sample(p.lat(), p.lon(), p.altitudeFt(), p.lastUpdatedMs(), null, null);
        long dtMs = p.lastUpdatedMs() - prev.lastUpdatedMs();
        // Same last_updated: the pilot sent nothing new since the previous feed; what was derived still holds.
        if (dtMs == 0) return prev;
        double moved = Geo.distanceM(prev.lat(), prev.lon(), p.lat(), p.lon());
        if (dtMs < 0 || moved / (dtMs / 1000.0) > MAX_SPEED_MPS)
            return new Sample(p.lat(), p.lon(), p.altitudeFt(), p.lastUpdatedMs(), null, null);
        // (Double) keeps the ternary from unboxing a null previous track
        Double track = moved >= MIN_MOVE_M
                ? (Double) Geo.bearingDeg(prev.lat(), prev.lon(), p.lat(), p.lon())
                : prev.trackDeg();
        Double vertical = p.altitudeFt() == null || prev.altitudeFt() == null
                ? null
                : (p.altitudeFt() - prev.altitudeFt()) * Geo.FEET / (dtMs / 1000.0);
        // A short move keeps the previous track but measures from the old reference, so slow taxiing accumulates
        // until it passes the threshold instead of never counting.
        if (moved < MIN_MOVE_M)
            return new Sample(prev.lat(), prev.lon(), p.altitudeFt(), p.lastUpdatedMs(), track, vertical);
        return new Sample(p.lat(), p.lon(), p.altitudeFt(), p.lastUpdatedMs(), track, vertical);
    }
}
