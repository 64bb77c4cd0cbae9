package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import io.skysentinel.core.RemovalReason;
import java.util.Objects;

/**
 * One entry of a stream that mirrors another hub's picture (the Kafka state topic): the entity's latest state, or
 * its removal (a tombstone) when {@code state} is null.
 *
 * @param producedAtMs when the upstream hub emitted it, epoch ms; it drives the source's data age on this hub
 * @param reason       for a removal, why, when the stream says (a bare tombstone does not: {@code UPSTREAM})
 */
public record StreamedChange<E extends LiveEntity>(String id, E state, long producedAtMs, RemovalReason reason) {
    public StreamedChange {
        Objects.requireNonNull(id, "id");
        if (state != null && !state.id().equals(id))
            throw new IllegalArgumentException("key " + id + " does not match state " + state.id());
        if (state == null && reason == null) reason = RemovalReason.UPSTREAM;
    }

    public static <E extends LiveEntity> StreamedChange<E> upsert(E state, long producedAtMs) {
        return new StreamedChange<>(state.id(), state, producedAtMs, null);
    }

    public static <E extends LiveEntity> StreamedChange<E> removal(String id, long producedAtMs) {
        return new StreamedChange<>(id, null, producedAtMs, RemovalReason.UPSTREAM);
    }

    public boolean isRemoval() {
        return state == null;
    }
}
