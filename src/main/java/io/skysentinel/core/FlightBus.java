package io.skysentinel.core;

import java.util.function.Consumer;

/**
 * How sources hand batches to the hub without knowing it: in every role an in-process bounded queue
 * (bus.InMemoryFlightBus); with SKYSENTINEL_BUS=kafka the ingest leader's hub is fed by it too, and Kafka carries the
 * hub's output (stream.kafka), not the sources' batches.
 */
public interface FlightBus {

    /**
     * Offers a batch. A live batch never blocks the caller: a bounded implementation drops (and counts) the oldest
     * rather than waiting. A batch with {@link SourceBatch#backpressure()} waits for room instead (a replay).
     *
     * @return false when something had to be dropped to take it (the bus was full), or the wait was interrupted
     */
    boolean publish(SourceBatch batch);

    /** Registers the consumer; an implementation delivers each batch to every subscriber, in publish order. */
    void subscribe(Consumer<SourceBatch> subscriber);
}
