package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import io.skysentinel.core.Update;
import java.util.ArrayList;
import java.util.List;

/**
 * What one hub operation changed: sequence numbers {@code fromSeq+1 .. toSeq} were given to these updates, one
 * number per change, in that order. An empty delta has {@code fromSeq == toSeq}. The hub's followers receive exactly
 * these updates.
 */
public record Delta<E extends LiveEntity>(long fromSeq, long toSeq, List<Update<E>> updates) {
    public Delta {
        updates = List.copyOf(updates);
    }

    public boolean isEmpty() {
        return updates.isEmpty();
    }

    /** The upserted states, in order. */
    public List<E> upserts() {
        List<E> out = new ArrayList<>();
        for (Update<E> u : updates) if (u instanceof Update.Upsert<E> up) out.add(up.state());
        return out;
    }

    /** The ids removed, in order. */
    public List<String> removals() {
        List<String> out = new ArrayList<>();
        for (Update<E> u : updates) if (u instanceof Update.Removal<E> r) out.add(r.id());
        return out;
    }
}
