package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.Follower;

/**
 * The ingest publisher's meters (docs/kafka.md#metrics). Registered on the application's registry even when the
 * ingest hub is private (a process with both roles), so the queue's drops are visible on /metrics.
 */
final class PublishMetrics {

    final Counter states,
            updates,
            removals,
            tombstones,
            stateFailed,
            updateFailed,
            republishFailed,
            republishLost,
            droppedAfterTerm;

    PublishMetrics(MeterRegistry meters, Follower<Aircraft> queue) {
        states = sent(meters, "state");
        updates = sent(meters, "update");
        removals = sent(meters, "removal");
        tombstones = sent(meters, "tombstone");
        stateFailed = failed(meters, "state");
        updateFailed = failed(meters, "updates");
        republishFailed = republish(meters, "send_failed");
        republishLost = republish(meters, "updates_lost");
        FunctionCounter.builder("skysentinel.kafka.publish.dropped", queue, Follower::dropped)
                .tag("reason", "queue_full")
                .description("Updates never handed to the producer: the publisher's queue was full")
                .register(meters);
        droppedAfterTerm = Counter.builder("skysentinel.kafka.publish.dropped")
                .tag("reason", "after_term")
                .description("Updates the hub accepted after the last term's final drain, discarded at the next term")
                .register(meters);
        Gauge.builder("skysentinel.kafka.publish.queue", queue, Follower::depth)
                .description("Updates waiting for the publisher")
                .register(meters);
    }

    private static Counter sent(MeterRegistry meters, String kind) {
        return Counter.builder("skysentinel.kafka.published")
                .tag("kind", kind)
                .description("Records handed to the Kafka producer, by kind")
                .register(meters);
    }

    private static Counter failed(MeterRegistry meters, String topic) {
        return Counter.builder("skysentinel.kafka.publish.failed")
                .tag("topic", topic)
                .description("Records the producer gave up on; on updates each is a lost update, on state the next tick"
                        + " republishes the picture")
                .register(meters);
    }

    private static Counter republish(MeterRegistry meters, String cause) {
        return Counter.builder("skysentinel.kafka.publish.republishes")
                .tag("cause", cause)
                .description("Whole-picture republishes of flights.state")
                .register(meters);
    }
}
