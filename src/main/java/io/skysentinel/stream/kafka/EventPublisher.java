package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history role's analytics hand their events here: each goes to flights.events (key = the flight's id), which
 * every serve instance tails and pushes to its browsers. So events are detected once for the deployment and still
 * reach every browser. The send is asynchronous into the producer's bounded buffer; a send the producer gives up on
 * is counted and not retried (the event is stored in history all the same).
 */
public final class EventPublisher implements AnalyticsListener {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final String topic;
    private final Producer<String, byte[]> producer;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter sent, failed;

    public EventPublisher(
            KafkaSettings settings,
            Producer<String, byte[]> producer,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.topic = settings.eventsTopic();
        this.producer = producer;
        this.json = json;
        this.clock = clock;
        this.sent = Counter.builder("skysentinel.kafka.events.published")
                .tag("outcome", "sent")
                .description("Anomaly events handed to the producer for flights.events, by outcome")
                .register(meters);
        this.failed = Counter.builder("skysentinel.kafka.events.published")
                .tag("outcome", "failed")
                .register(meters);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        try {
            byte[] value = json.writeValueAsBytes(EventRecord.of(event, Instant.ofEpochMilli(clock.millis())));
            producer.send(new ProducerRecord<>(topic, event.id(), value), (m, e) -> {
                if (e != null) failed.increment();
            });
            sent.increment();
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("Anomaly event {} for {} not published: {}", event.kind(), event.id(), e.toString());
        }
    }
}
