package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A serve instance's feed of live anomaly events: tails flights.events from its end (every partition, no group) and
 * hands each event to the live listeners (the WebSocket event relay). Only the history role detects events, and it
 * hands them to Kafka rather than to a relay of its own, so an instance running both roles pushes each event once.
 */
public final class EventTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);

    private final JsonMapper json;
    private final List<AnalyticsListener> listeners;
    private final DeadLetters deadLetters;
    private final TopicTail tail;
    private final Counter received;

    public EventTail(
            KafkaSettings settings,
            JsonMapper json,
            List<AnalyticsListener> listeners,
            Supplier<Consumer<String, byte[]>> consumers,
            DeadLetters deadLetters,
            MeterRegistry meters) {
        this.json = json;
        this.listeners = List.copyOf(listeners);
        this.deadLetters = deadLetters;
        this.tail = new TopicTail(settings.eventsTopic(), false, consumers, this::apply);
        this.received = Counter.builder("skysentinel.kafka.events.received")
                .description("Anomaly events read from flights.events and handed to the live listeners")
                .register(meters);
    }

    public EventTail start() {
        tail.start();
        return this;
    }

    /** True once positioned at the end of flights.events: every event published from now on is seen. */
    public boolean assigned() {
        return tail.assigned();
    }

    void apply(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            AnomalyEvent event;
            try {
                if (r.value() == null) throw new IllegalArgumentException("null value");
                event = json.readValue(r.value(), EventRecord.class).event();
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                String why = "not an anomaly_event record: " + e.getMessage();
                deadLetters.reject(r, new InvalidEnvelopeException("event", why));
                continue;
            }
            received.increment();
            for (AnalyticsListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("Live event listener {} failed: {}", l.getClass().getName(), e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}
