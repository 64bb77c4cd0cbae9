package io.skysentinel.alerts;

import java.util.ArrayList;
import java.util.List;

/** What the evaluator keeps per aircraft: whether it has been seen since it (re)appeared, and its rules' episodes. */
final class Track {
    /** Seen in the picture since it last appeared; false after a removal (its re-appearance is not a crossing). */
    boolean seen;
    /** The index generation its last state was evaluated with (a rule newer than that has not seen it yet). */
    long generation;

    final List<Episode> episodes = new ArrayList<>(2);

    Episode find(CompiledRule r) {
        for (int i = 0, n = episodes.size(); i < n; i++) if (episodes.get(i).rule == r) return episodes.get(i);
        return null;
    }

    Episode findOrAdd(CompiledRule r) {
        Episode e = find(r);
        if (e == null) {
            e = new Episode(r);
            episodes.add(e);
        }
        return e;
    }
}
