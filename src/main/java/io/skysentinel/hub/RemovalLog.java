package io.skysentinel.hub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last {@code capacity} removals with their sequence numbers, so "changes since N" can name what left. When
 * full the oldest is forgotten and {@link #horizon()} moves up: a client behind the horizon must resync.
 */
final class RemovalLog {
    private record Removal(long seq, String id) {}

    private final int capacity;
    private final ArrayDeque<Removal> log = new ArrayDeque<>();
    private long horizon; // every removal with seq <= horizon may have been forgotten
    private long trimmed;

    RemovalLog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("removal log capacity must be >= 1");
        this.capacity = capacity;
    }

    void add(long seq, String id) {
        if (log.size() == capacity) {
            horizon = log.removeFirst().seq();
            trimmed++;
        }
        log.addLast(new Removal(seq, id));
    }

    /** Ids removed after {@code sinceSeq}, oldest first, skipping those {@code stillPresent} (re-added since). */
    List<String> since(long sinceSeq, Predicate<String> stillPresent) {
        // Walk back from the newest; an id removed twice since N is named once.
        LinkedHashSet<String> out = new LinkedHashSet<>();
        var it = log.descendingIterator();
        while (it.hasNext()) {
            Removal r = it.next();
            if (r.seq() <= sinceSeq) break;
            if (!stillPresent.test(r.id())) out.add(r.id());
        }
        return new ArrayList<>(out).reversed();
    }

    long horizon() {
        return horizon;
    }

    long trimmed() {
        return trimmed;
    }
}
