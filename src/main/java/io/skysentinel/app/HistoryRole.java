package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.UpdateHandler;
import io.skysentinel.stream.kafka.ConsumerMetrics;
import io.skysentinel.stream.kafka.DeadLetters;
import io.skysentinel.stream.kafka.EnvelopeCodec;
import io.skysentinel.stream.kafka.HistoryConsumer;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.UpdateRecords;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The history role: a member of the history group on flights.updates whose handler runs the analytics and writes
 * history (docs/kafka.md#history-instances). What /health shows of it: joined or not, lag, records handled, failures.
 */
final class HistoryRole implements AutoCloseable {

    /** Records per poll, and so per handler call: one COPY of up to this many positions. */
    static final int MAX_POLL_RECORDS = 10_000;

    private final HistoryConsumer consumer;
    private final ConsumerMetrics metrics;

    HistoryRole(
            KafkaSettings kafka,
            EnvelopeCodec codec,
            UpdateHandler<Aircraft> handler,
            DeadLetters deadLetters,
            MeterRegistry meters,
            String instance) {
        this.metrics = new ConsumerMetrics(meters);
        this.consumer = new HistoryConsumer(
                kafka,
                () -> KafkaClients.historyMember(kafka, "skysentinel-history-" + instance, MAX_POLL_RECORDS),
                handler,
                new UpdateRecords(codec, deadLetters),
                metrics,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    void start() {
        consumer.start();
    }

    boolean ready() {
        return consumer.ready();
    }

    boolean failing() {
        return consumer.failing();
    }

    Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("history_partitions", metrics.partitions());
        d.put("history_lag", metrics.lag());
        d.put("history_records", (long) metrics.handledCount());
        d.put("history_failures", (long) metrics.failureCount());
        d.put("history_failing", consumer.failing());
        return d;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
