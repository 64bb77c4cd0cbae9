package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.WireFormat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aircraft one filter selects, kept in step with the hub, and the clients watching it. Its frames are encoded
 * once per tick per format and shared by all its clients. {@code seq} counts this view's snapshot/delta frames.
 * Used by the broadcaster thread only.
 */
final class View {

    /** One tick's change to this view. */
    record Change(List<Aircraft> upserts, List<String> removals) {
        boolean isEmpty() {
            return upserts.isEmpty() && removals.isEmpty();
        }
    }

    final ViewFilter filter;
    final Set<ClientConnection> clients = new LinkedHashSet<>();
    private final Map<String, Aircraft> members = new HashMap<>();
    private final Map<WireFormat, OutFrame> snapshotCache = new EnumMap<>(WireFormat.class);
    private long snapshotCacheSeq = -1;
    long seq;
    long hubSeq;

    View(ViewFilter filter, Collection<Aircraft> picture, long hubSeq) {
        this.filter = filter;
        this.hubSeq = hubSeq;
        for (Aircraft a : picture) if (filter.matches(a)) members.put(a.icao24(), a);
    }

    /**
     * Folds hub changes in: an upsert that matches is an upsert; one that no longer matches (it left the box, climbed
     * out of the altitude band) is a removal; a hub removal of a member is a removal.
     */
    Change apply(Collection<Aircraft> upserts, Collection<String> removals) {
        List<Aircraft> up = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String id : removals) if (members.remove(id) != null) gone.add(id);
        for (Aircraft a : upserts) {
            if (filter.matches(a)) {
                members.put(a.icao24(), a);
                up.add(a);
            } else if (members.remove(a.icao24()) != null) {
                gone.add(a.icao24());
            }
        }
        return new Change(up, gone);
    }

    /** Replaces the members with the matching part of a whole picture (after a hub resync). */
    Change reset(Collection<Aircraft> picture) {
        Set<String> before = new java.util.HashSet<>(members.keySet());
        members.clear();
        List<Aircraft> up = new ArrayList<>();
        for (Aircraft a : picture) {
            if (filter.matches(a)) {
                members.put(a.icao24(), a);
                up.add(a);
                before.remove(a.icao24());
            }
        }
        return new Change(up, new ArrayList<>(before));
    }

    /**
     * The snapshot frame at the current seq, built at most once per format per seq and shared by every client that
     * joins or resyncs meanwhile (a JSON snapshot of 10,000 aircraft is a 4.5 MB String; one per client ran the heap
     * out with ~100 JSON clients connecting at once).
     */
    OutFrame snapshot(FrameEncoder encoder, long nowMs) {
        if (snapshotCacheSeq != seq) {
            snapshotCache.clear();
            snapshotCacheSeq = seq;
        }
        return snapshotCache.computeIfAbsent(encoder.format(),
                f -> OutFrame.of("snapshot", f, encoder.snapshot(seq, hubSeq, nowMs, members.values()), nowMs));
    }

    int size() {
        return members.size();
    }
}
