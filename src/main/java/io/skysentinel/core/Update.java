package io.skysentinel.core;

import java.util.Objects;

/**
 * One accepted change to the live picture, as the hub decided it, in hub order: every state a source delivered that
 * the hub accepted, and every removal. What history, analytics and the Kafka update stream consume; unlike the
 * coalesced "changes since N" of the push, nothing between two of them is skipped.
 *
 * @param <E> the entity kind of the hub that made it
 */
public sealed interface Update<E extends LiveEntity> {

    /** The hub's sequence number for this change (on a Kafka-fed consumer: the record's offset in its partition). */
    long seq();

    /** The new state, or for a removal the last state the hub held. */
    E state();

    default String id() {
        return state().id();
    }

    record Upsert<E extends LiveEntity>(long seq, E state) implements Update<E> {
        public Upsert {
            Objects.requireNonNull(state, "state");
        }
    }

    record Removal<E extends LiveEntity>(long seq, E state, RemovalReason reason) implements Update<E> {
        public Removal {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
