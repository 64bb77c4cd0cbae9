package io.skysentinel.core;

import java.util.Collection;
import java.util.List;

/**
 * A consumer of the lossless update stream: history, analytics, the Kafka update publisher. The same handler is
 * driven by a hub follower (one process) or by a Kafka consumer of flights.updates (the history role).
 *
 * @param <E> the entity kind
 */
public interface UpdateHandler<E extends LiveEntity> {

    /**
     * Takes the next updates, in order per entity. Returns when they are handled (for history: durable). Throwing
     * means "not handled": the driver offers the same list again after a backoff, so a handler must be idempotent.
     */
    void handle(List<Update<E>> updates) throws Exception;

    /**
     * {@code count} updates before the next ones were lost (the follower's queue overflowed; they are counted there).
     * {@code picture} is the hub's current picture, for a handler that can rebuild from it. The default does nothing.
     */
    default void lost(long count, Collection<E> picture) {}

    /**
     * Nothing arrived for a while (the driver calls this about every 200 ms when idle): a chance to write what is
     * buffered for other reasons (history's analytics results) or to run maintenance. Throwing is logged and retried.
     */
    default void idle() throws Exception {}
}
