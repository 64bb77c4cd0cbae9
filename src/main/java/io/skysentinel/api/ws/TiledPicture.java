package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The broadcaster's copy of the hub picture, indexed by tile, and each tick's changes bucketed by the tiles they
 * touch. An aircraft's change is listed under its new tile and, when it moved (or was removed), under its old tile
 * too, so a boxed view finds both its arrivals and its departures by looking at its own tiles only. Broadcaster
 * thread only.
 */
final class TiledPicture {

    /** One aircraft's change in one tick: what it was (null: new) and what it is now (null: removed). */
    record Transition(Aircraft before, Aircraft after, int tileBefore, int tileAfter) {}

    /** A tick's transitions, all of them and by tile. */
    record Tick(List<Transition> all, Map<Integer, List<Transition>> byTile) {
        boolean isEmpty() {
            return all.isEmpty();
        }
    }

    final TileGrid grid;
    private final Map<String, Aircraft> byId = new HashMap<>();
    private final Map<Integer, Map<String, Aircraft>> byTile = new HashMap<>();

    TiledPicture(TileGrid grid) {
        this.grid = grid;
    }

    /** Folds in the hub's removals, then its upserts (the order {@code Changes} defines). */
    Tick apply(Collection<String> removals, Collection<Aircraft> upserts) {
        List<Transition> all = new ArrayList<>(removals.size() + upserts.size());
        Map<Integer, List<Transition>> buckets = new HashMap<>();
        for (String id : removals) {
            Aircraft before = byId.get(id);
            if (before == null) continue;
            int tb = grid.tileOf(before);
            remove(id, tb);
            add(all, buckets, new Transition(before, null, tb, TileGrid.NONE));
        }
        for (Aircraft a : upserts) {
            String id = a.id();
            Aircraft before = byId.get(id);
            int tb = grid.tileOf(before); // NONE when new
            if (before != null) remove(id, tb);
            int ta = grid.tileOf(a);
            put(a, ta);
            add(all, buckets, new Transition(before, a, tb, ta));
        }
        return new Tick(all, buckets);
    }

    private static void add(List<Transition> all, Map<Integer, List<Transition>> buckets, Transition t) {
        all.add(t);
        if (t.after() != null)
            buckets.computeIfAbsent(t.tileAfter(), k -> new ArrayList<>()).add(t);
        if (t.before() != null && (t.after() == null || t.tileBefore() != t.tileAfter())) {
            buckets.computeIfAbsent(t.tileBefore(), k -> new ArrayList<>()).add(t);
        }
    }

    /** Replaces everything (after a hub resync). */
    void reset(Collection<Aircraft> picture) {
        byId.clear();
        byTile.clear();
        for (Aircraft a : picture) put(a, grid.tileOf(a));
    }

    private void put(Aircraft a, int tile) {
        byId.put(a.id(), a);
        byTile.computeIfAbsent(tile, k -> new HashMap<>()).put(a.id(), a);
    }

    private void remove(String id, int tile) {
        byId.remove(id);
        Map<String, Aircraft> m = byTile.get(tile);
        if (m != null) {
            m.remove(id);
            if (m.isEmpty()) byTile.remove(tile);
        }
    }

    /** Every aircraft in the given tiles (all of them for {@link TileGrid.Tiles#ALL}). */
    void forEachIn(TileGrid.Tiles tiles, Consumer<Aircraft> action) {
        if (tiles.all()) {
            byId.values().forEach(action);
            return;
        }
        tiles.forEach(t -> {
            Map<String, Aircraft> m = byTile.get(t);
            if (m != null) m.values().forEach(action);
        });
    }

    int size() {
        return byId.size();
    }
}
