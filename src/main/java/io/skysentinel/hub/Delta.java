package io.skysentinel.hub;

import io.skysentinel.core.Aircraft;

import java.util.List;

/**
 * What one hub operation changed: sequence numbers {@code fromSeq+1 .. toSeq} were given to these upserts and
 * removals (one number per change). An empty delta has {@code fromSeq == toSeq}.
 */
public record Delta(long fromSeq, long toSeq, List<Aircraft> upserts, List<String> removals) {
    public Delta {
        upserts = List.copyOf(upserts);
        removals = List.copyOf(removals);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removals.isEmpty();
    }
}
