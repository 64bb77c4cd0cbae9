package io.skysentinel.core;

import java.util.function.Consumer;

/**
 * How sources hand batches to the hub without knowing it. The default is an in-process bounded queue; the
 * Kafka issue adds a Kafka implementation behind this same interface.
 */
public interface FlightBus {

    /**
     * Offers a batch. Never blocks the caller for long: a bounded implementation drops (and counts) rather than
     * waiting forever.
     *
     * @return false when something had to be dropped to take it (the bus was full)
     */
    boolean publish(SourceBatch batch);

    /** Registers the consumer; an implementation delivers each batch to every subscriber, in publish order. */
    void subscribe(Consumer<SourceBatch> subscriber);
}
