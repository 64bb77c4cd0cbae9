package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The history consumer's meters (docs/kafka.md#metrics): records handled, failures, and its lag. */
public final class ConsumerMetrics {

    final Counter handled, failures, errors, dropped;
    private volatile long lag;
    private volatile int partitions;

    public ConsumerMetrics(MeterRegistry meters) {
        handled = Counter.builder("skysentinel.kafka.history.records")
                .description("flights.updates records handed to the history handler and committed")
                .register(meters);
        failures = Counter.builder("skysentinel.kafka.history.failures")
                .description("Handler attempts that threw (database down); the same records are retried")
                .register(meters);
        errors = Counter.builder("skysentinel.kafka.history.errors")
                .description("Consumer errors (retried)")
                .register(meters);
        dropped = Counter.builder("skysentinel.kafka.history.rebalance.drops")
                .description("Batches in flight dropped by a rebalance (their records are read again)")
                .register(meters);
        Gauge.builder("skysentinel.kafka.history.lag", this, ConsumerMetrics::lag)
                .description("Records on this member's flights.updates partitions not yet read")
                .register(meters);
        Gauge.builder("skysentinel.kafka.history.partitions", this, ConsumerMetrics::partitions)
                .description("flights.updates partitions assigned to this member")
                .register(meters);
    }

    /** Reads the consumer's lag; consumer thread only (a KafkaConsumer is not thread-safe). */
    void lag(Consumer<?, ?> c) {
        long sum = 0;
        for (TopicPartition p : c.assignment()) sum += c.currentLag(p).orElse(0);
        lag = sum;
        partitions = c.assignment().size();
    }

    public long lag() {
        return lag;
    }

    public int partitions() {
        return partitions;
    }

    public double handledCount() {
        return handled.count();
    }

    public double failureCount() {
        return failures.count();
    }
}
