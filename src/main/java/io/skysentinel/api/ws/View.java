package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.WireFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one filter selects from the shared {@link TiledPicture}, and the clients watching it. It keeps no copy of its
 * aircraft: membership is the filter applied to an aircraft's state, so a tick's change is folded by comparing each
 * touched aircraft's state before and after — and a boxed view only visits the tiles under its box. Its frames are
 * encoded once per tick per format and shared by all its clients. {@code seq} counts this view's snapshot/delta
 * frames. Broadcaster thread only.
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
    private final TiledPicture picture;
    private final TileGrid.Tiles tiles;
    private final Map<WireFormat, OutFrame> snapshotCache = new EnumMap<>(WireFormat.class);
    private long snapshotCacheSeq = -1;
    private int size;
    long seq;
    long hubSeq;

    View(ViewFilter filter, TiledPicture picture, long hubSeq) {
        this.filter = filter;
        this.picture = picture;
        this.tiles = picture.grid.tilesOf(filter.box());
        this.hubSeq = hubSeq;
        recount();
    }

    /**
     * Folds a tick in: an aircraft that matches now is an upsert; one that matched before and no longer does (it left
     * the box, climbed out of the altitude band, or the hub removed it) is a removal.
     */
    Change apply(TiledPicture.Tick tick) {
        List<Aircraft> up = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        if (tiles.all()) {
            for (TiledPicture.Transition t : tick.all()) fold(t, up, gone);
        } else {
            tiles.forEach(tile -> {
                List<TiledPicture.Transition> bucket = tick.byTile().get(tile);
                if (bucket == null) return;
                for (TiledPicture.Transition t : bucket) {
                    // listed under both its old and new tile when it moved: count it once, at the new tile if that is
                    // ours
                    // (a removal's tileAfter is NONE, which no bounded tile set contains)
                    if (t.tileAfter() == tile || !tiles.contains(t.tileAfter())) fold(t, up, gone);
                }
            });
        }
        return new Change(up, gone);
    }

    private void fold(TiledPicture.Transition t, List<Aircraft> up, List<String> gone) {
        boolean was = t.before() != null && filter.matches(t.before());
        boolean is = t.after() != null && filter.matches(t.after());
        if (is) up.add(t.after());
        else if (was) gone.add(t.before().id());
        size += (is ? 1 : 0) - (was ? 1 : 0);
    }

    /** Counts the members afresh (after the picture was reset). */
    void recount() {
        int[] n = {0};
        picture.forEachIn(tiles, a -> {
            if (filter.matches(a)) n[0]++;
        });
        size = n[0];
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
        return snapshotCache.computeIfAbsent(
                encoder.format(),
                f -> OutFrame.of("snapshot", f, encoder.snapshot(seq, hubSeq, nowMs, members()), nowMs));
    }

    private List<Aircraft> members() {
        List<Aircraft> out = new ArrayList<>(size);
        picture.forEachIn(tiles, a -> {
            if (filter.matches(a)) out.add(a);
        });
        return out;
    }

    int size() {
        return size;
    }
}
