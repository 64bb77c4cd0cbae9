package io.skysentinel.hub;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live picture as a plain, single-threaded state machine: apply a batch, get the delta. No threads, no clock
 * of its own (the wall time is passed in), so it is tested without a server. {@link LiveHub} adds locking.
 *
 * <p>Staleness follows each source's own clock: an aircraft is removed when its source's newest data is more than
 * the threshold past the aircraft's last contact. So an aircraft disappears 60 s after it stopped appearing in
 * responses (one missed response removes nothing), a replay ages by the recording's clock, and when a source
 * stops delivering (a 429 for hours) its last picture stays, to be served marked stale.
 */
public final class HubCore {

    /** Mutable so an update rewrites two fields instead of allocating (a global poll updates ~12,000 entries). */
    private static final class Entry {
        Aircraft aircraft;
        long seq;

        Entry(Aircraft aircraft, long seq) { this.aircraft = aircraft; this.seq = seq; }

        Aircraft aircraft() { return aircraft; }

        long seq() { return seq; }
    }

    /** What the hub knows of a source's clock: its newest observation time and its lag behind the wall clock. */
    public record SourceClock(long observedAtMs, long clockOffsetMs, long receivedAtMs) {
        public long ageMs(long wallNowMs) {
            return Math.max(0, wallNowMs - clockOffsetMs - observedAtMs);
        }
    }

    private final long staleMs;
    private final int maxAircraft;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, SourceClock> clocks = new HashMap<>();
    private final Map<String, Integer> countBySource = new HashMap<>();
    private final RemovalLog removals;
    private long seq;
    private long staleEvictions;

    public HubCore(long staleThresholdMs, int maxAircraft, int removalLogCapacity) {
        if (staleThresholdMs <= 0) throw new IllegalArgumentException("stale threshold must be positive");
        this.staleMs = staleThresholdMs;
        this.maxAircraft = maxAircraft;
        this.removals = new RemovalLog(removalLogCapacity);
    }

    /** Applies one batch, then removes that source's aircraft that have gone stale by its new clock. */
    public ApplyResult apply(SourceBatch batch, long wallNowMs) {
        long from = seq;
        String source = batch.source();
        SourceClock previous = clocks.get(source);
        // A source's clock never runs backwards: a late batch must not resurrect what it already aged out.
        long observedAt = previous == null ? batch.observedAtMs() : Math.max(previous.observedAtMs(), batch.observedAtMs());
        clocks.put(source, new SourceClock(observedAt, batch.clockOffsetMs(), wallNowMs));

        List<Aircraft> upserts = new ArrayList<>();
        int unchanged = 0, outOfOrder = 0, staleOnArrival = 0, overCapacity = 0;
        for (Aircraft a : batch.aircraft()) {
            if (observedAt - a.lastContactUnix() * 1000 > staleMs) { staleOnArrival++; continue; }
            Entry current = entries.get(a.icao24());
            if (current == null && entries.size() >= maxAircraft) { overCapacity++; continue; }
            if (current != null) {
                if (a.lastContactUnix() < current.aircraft().lastContactUnix()) { outOfOrder++; continue; }
                if (a.equals(current.aircraft())) { unchanged++; continue; }
                if (!current.aircraft().source().equals(a.source())) countBySource.merge(current.aircraft().source(), -1, Integer::sum);
            }
            if (current == null || !current.aircraft().source().equals(a.source())) countBySource.merge(a.source(), 1, Integer::sum);
            if (current == null) entries.put(a.icao24(), new Entry(a, ++seq));
            else { current.aircraft = a; current.seq = ++seq; }
            upserts.add(a);
        }
        List<String> removed = evictStale(source, observedAt);
        return new ApplyResult(new Delta(from, seq, upserts, removed), unchanged, outOfOrder, staleOnArrival, overCapacity);
    }

    private List<String> evictStale(String source, long sourceNowMs) {
        List<String> removed = new ArrayList<>();
        var it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Aircraft a = it.next().getValue().aircraft();
            if (a.source().equals(source) && sourceNowMs - a.lastContactUnix() * 1000 > staleMs) {
                it.remove();
                removals.add(++seq, a.icao24());
                removed.add(a.icao24());
            }
        }
        if (!removed.isEmpty()) {
            countBySource.merge(source, -removed.size(), Integer::sum);
            staleEvictions += removed.size();
        }
        return removed;
    }

    /**
     * Mirrors another hub's stream (see {@link StreamedChange}): upserts and removals are taken as decided upstream,
     * so nothing is aged out here; staleness was judged once, by the hub that produced the stream. Applying the same
     * change twice changes nothing (an identical state is {@code unchanged}, an absent removal is a no-op), and an
     * older state than the one held is ignored, so at-least-once delivery is harmless.
     */
    public ApplyResult applyStream(List<StreamedChange> changes) {
        long from = seq;
        List<Aircraft> upserts = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0, outOfOrder = 0, overCapacity = 0;
        for (StreamedChange c : changes) {
            if (c.isRemoval()) {
                if (remove(c.icao24())) removed.add(c.icao24());
                continue;
            }
            Aircraft a = c.aircraft();
            SourceClock clock = clocks.get(a.source());
            if (clock == null || c.producedAtMs() > clock.observedAtMs()) clocks.put(a.source(), new SourceClock(c.producedAtMs(), 0, c.producedAtMs()));
            Entry current = entries.get(a.icao24());
            if (current == null && entries.size() >= maxAircraft) { overCapacity++; continue; }
            if (current != null && a.lastContactUnix() < current.aircraft().lastContactUnix()) { outOfOrder++; continue; }
            if (current != null && a.equals(current.aircraft())) { unchanged++; continue; }
            if (current != null) countBySource.merge(current.aircraft().source(), -1, Integer::sum);
            countBySource.merge(a.source(), 1, Integer::sum);
            if (current == null) entries.put(a.icao24(), new Entry(a, ++seq));
            else { current.aircraft = a; current.seq = ++seq; }
            upserts.add(a);
        }
        // An id removed and re-added in one call is an upsert; report each removal still absent, once.
        List<String> gone = new ArrayList<>(new java.util.LinkedHashSet<>(removed));
        gone.removeIf(entries::containsKey);
        return new ApplyResult(new Delta(from, seq, upserts, gone), unchanged, outOfOrder, 0, overCapacity);
    }

    /** Removes one aircraft as a change with its own sequence number; false when it was not there. */
    public boolean remove(String icao24) {
        Entry e = entries.remove(icao24);
        if (e == null) return false;
        countBySource.merge(e.aircraft().source(), -1, Integer::sum);
        removals.add(++seq, icao24);
        return true;
    }

    /** What changed after {@code sinceSeq}; a resync (the whole picture) when the hub cannot answer exactly. */
    public Changes changesSince(long sinceSeq) {
        if (sinceSeq > seq || sinceSeq < removals.horizon()) {
            return new Changes(sinceSeq, seq, aircraft(), List.of(), true);
        }
        List<Aircraft> upserts = new ArrayList<>();
        for (Entry e : entries.values()) if (e.seq() > sinceSeq) upserts.add(e.aircraft());
        return new Changes(sinceSeq, seq, upserts, removals.since(sinceSeq, entries::containsKey), false);
    }

    public long seq() { return seq; }

    public int size() { return entries.size(); }

    public Aircraft get(String icao24) {
        Entry e = entries.get(icao24);
        return e == null ? null : e.aircraft();
    }

    public List<Aircraft> aircraft() {
        List<Aircraft> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) out.add(e.aircraft());
        return out;
    }

    /** Aircraft currently in the picture per source (sources with none are left out). */
    public Map<String, Integer> countBySource() {
        Map<String, Integer> out = new HashMap<>();
        countBySource.forEach((k, v) -> { if (v > 0) out.put(k, v); });
        return out;
    }

    public Map<String, SourceClock> sourceClocks() { return Map.copyOf(clocks); }

    public long staleEvictions() { return staleEvictions; }

    public long removalLogTrimmed() { return removals.trimmed(); }
}
