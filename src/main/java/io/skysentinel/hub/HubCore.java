package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The live picture as a plain, single-threaded state machine: apply a batch, get the delta. No threads, no clock
 * of its own (the wall time is passed in), so it is tested without a server. {@link LiveHub} adds locking and the
 * followers.
 *
 * <p>Staleness follows each source's own clock: an entity is removed when its source's newest data is more than
 * the threshold past the entity's last contact. So an aircraft disappears 60 s after it stopped appearing in
 * responses (one missed response removes nothing), a replay ages by the recording's clock, and when a source
 * stops delivering (a 429 for hours) its last picture stays, to be served marked stale. A complete batch (a full
 * feed) also removes, at once, that source's entities it no longer lists.
 *
 * @param <E> what this hub holds (aircraft; ATC positions in a hub of their own)
 */
public final class HubCore<E extends LiveEntity> {

    /** Mutable so an update rewrites two fields instead of allocating (a global poll updates ~12,000 entries). */
    private static final class Entry<E> {
        E state;
        long seq;

        Entry(E state, long seq) {
            this.state = state;
            this.seq = seq;
        }
    }

    /** What the hub knows of a source's clock: its newest observation time and its lag behind the wall clock. */
    public record SourceClock(long observedAtMs, long clockOffsetMs, long receivedAtMs) {
        public long ageMs(long wallNowMs) {
            return Math.max(0, wallNowMs - clockOffsetMs - observedAtMs);
        }
    }

    private enum Outcome {
        APPLIED,
        UNCHANGED,
        OUT_OF_ORDER,
        OVER_CAPACITY
    }

    private final Function<SourceBatch, List<E>> select;
    private final long staleMs;
    private final int maxEntities;
    private final Map<String, Entry<E>> entries = new HashMap<>();
    private final Map<String, SourceClock> clocks = new HashMap<>();
    private final Map<String, Integer> countBySource = new HashMap<>();
    private final RemovalLog removals;
    private long seq;
    private long staleEvictions;

    /** @param select the entities of a batch this hub holds (e.g. {@code SourceBatch::aircraft}) */
    public HubCore(
            Function<SourceBatch, List<E>> select, long staleThresholdMs, int maxEntities, int removalLogCapacity) {
        if (staleThresholdMs <= 0) throw new IllegalArgumentException("stale threshold must be positive");
        this.select = select;
        this.staleMs = staleThresholdMs;
        this.maxEntities = maxEntities;
        this.removals = new RemovalLog(removalLogCapacity);
    }

    /** Applies one batch; then, for a complete batch, removes what it no longer lists; then what went stale. */
    public ApplyResult<E> apply(SourceBatch batch, long wallNowMs) {
        long from = seq;
        String source = batch.source();
        SourceClock previous = clocks.get(source);
        // A source's clock never runs backwards: a late batch must not resurrect what it already aged out.
        long observedAt =
                previous == null ? batch.observedAtMs() : Math.max(previous.observedAtMs(), batch.observedAtMs());
        clocks.put(source, new SourceClock(observedAt, batch.clockOffsetMs(), wallNowMs));

        List<Update<E>> updates = new ArrayList<>();
        Set<String> listed = batch.complete() ? new HashSet<>() : null;
        int[] outcomes = new int[Outcome.values().length];
        int staleOnArrival = 0;
        for (E e : select.apply(batch)) {
            if (listed != null) listed.add(e.id());
            if (observedAt - e.lastContactUnix() * 1000 > staleMs) {
                staleOnArrival++;
                continue;
            }
            Outcome o = upsert(e, updates);
            outcomes[o.ordinal()]++;
        }
        if (listed != null)
            removeWhere(e -> e.source().equals(source) && !listed.contains(e.id()), RemovalReason.LEFT_FEED, updates);
        int before = updates.size();
        removeWhere(
                e -> e.source().equals(source) && observedAt - e.lastContactUnix() * 1000 > staleMs,
                RemovalReason.STALE,
                updates);
        staleEvictions += updates.size() - before;
        return new ApplyResult<>(
                new Delta<>(from, seq, updates),
                outcomes[Outcome.UNCHANGED.ordinal()],
                outcomes[Outcome.OUT_OF_ORDER.ordinal()],
                staleOnArrival,
                outcomes[Outcome.OVER_CAPACITY.ordinal()]);
    }

    /**
     * Mirrors another hub's stream (see {@link StreamedChange}): upserts and removals are taken as decided upstream,
     * so nothing is aged out here; staleness was judged once, by the hub that produced the stream. Applying the same
     * change twice changes nothing (an identical state is {@code unchanged}, an absent removal is a no-op), and an
     * older state than the one held is ignored, so at-least-once delivery is harmless.
     */
    public ApplyResult<E> applyStream(List<StreamedChange<E>> changes) {
        long from = seq;
        List<Update<E>> updates = new ArrayList<>();
        int[] outcomes = new int[Outcome.values().length];
        for (StreamedChange<E> c : changes) {
            if (c.isRemoval()) {
                remove(c.id(), c.reason(), updates);
                continue;
            }
            E e = c.state();
            SourceClock clock = clocks.get(e.source());
            if (clock == null || c.producedAtMs() > clock.observedAtMs())
                clocks.put(e.source(), new SourceClock(c.producedAtMs(), 0, c.producedAtMs()));
            outcomes[upsert(e, updates).ordinal()]++;
        }
        return new ApplyResult<>(
                new Delta<>(from, seq, updates),
                outcomes[Outcome.UNCHANGED.ordinal()],
                outcomes[Outcome.OUT_OF_ORDER.ordinal()],
                0,
                outcomes[Outcome.OVER_CAPACITY.ordinal()]);
    }

    /** The one upsert path: bound, order and identity checks, per-source counts, a sequence number. */
    private Outcome upsert(E e, List<Update<E>> updates) {
        Entry<E> current = entries.get(e.id());
        if (current == null && entries.size() >= maxEntities) return Outcome.OVER_CAPACITY;
        if (current != null) {
            if (e.lastContactUnix() < current.state.lastContactUnix()) return Outcome.OUT_OF_ORDER;
            if (e.equals(current.state)) return Outcome.UNCHANGED;
        }
        String was = current == null ? null : current.state.source();
        if (!e.source().equals(was)) {
            if (was != null) countBySource.merge(was, -1, Integer::sum);
            countBySource.merge(e.source(), 1, Integer::sum);
        }
        if (current == null) entries.put(e.id(), new Entry<>(e, ++seq));
        else {
            current.state = e;
            current.seq = ++seq;
        }
        updates.add(new Update.Upsert<>(seq, e));
        return Outcome.APPLIED;
    }

    private void removeWhere(Predicate<E> doomed, RemovalReason reason, List<Update<E>> updates) {
        var it = entries.values().iterator();
        while (it.hasNext()) {
            E e = it.next().state;
            if (!doomed.test(e)) continue;
            it.remove();
            removed(e, reason, updates);
        }
    }

    /** Removes one entity as a change with its own sequence number; false when it was not there. */
    public boolean remove(String id, RemovalReason reason, List<Update<E>> updates) {
        Entry<E> e = entries.remove(id);
        if (e == null) return false;
        removed(e.state, reason, updates);
        return true;
    }

    private void removed(E e, RemovalReason reason, List<Update<E>> updates) {
        countBySource.merge(e.source(), -1, Integer::sum);
        removals.add(++seq, e.id());
        updates.add(new Update.Removal<>(seq, e, reason));
    }

    /** What changed after {@code sinceSeq}; a resync (the whole picture) when the hub cannot answer exactly. */
    public Changes<E> changesSince(long sinceSeq) {
        if (sinceSeq > seq || sinceSeq < removals.horizon()) {
            return new Changes<>(sinceSeq, seq, entities(), List.of(), true);
        }
        List<E> upserts = new ArrayList<>();
        for (Entry<E> e : entries.values()) if (e.seq > sinceSeq) upserts.add(e.state);
        return new Changes<>(sinceSeq, seq, upserts, removals.since(sinceSeq, entries::containsKey), false);
    }

    public long seq() {
        return seq;
    }

    public int size() {
        return entries.size();
    }

    public E get(String id) {
        Entry<E> e = entries.get(id);
        return e == null ? null : e.state;
    }

    public List<E> entities() {
        List<E> out = new ArrayList<>(entries.size());
        for (Entry<E> e : entries.values()) out.add(e.state);
        return out;
    }

    /** Entities currently in the picture per source (sources with none are left out). */
    public Map<String, Integer> countBySource() {
        Map<String, Integer> out = new HashMap<>();
        countBySource.forEach((k, v) -> {
            if (v > 0) out.put(k, v);
        });
        return out;
    }

    public Map<String, SourceClock> sourceClocks() {
        return Map.copyOf(clocks);
    }

    public long staleEvictions() {
        return staleEvictions;
    }

    public long removalLogTrimmed() {
        return removals.trimmed();
    }
}
