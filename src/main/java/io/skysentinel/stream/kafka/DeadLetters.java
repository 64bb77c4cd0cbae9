package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that failed validation to flights.deadletter, unchanged, with why and where they came from in
 * headers (docs/kafka.md), and counts them by reason. Fire and forget: a hub never waits on it.
 */
public final class DeadLetters {

    public static final String REASON = "skysentinel.reason";
    public static final String DETAIL = "skysentinel.detail";
    public static final String ORIGIN = "skysentinel.origin"; // topic-partition@offset

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private final String topic;
    private final Producer<String, byte[]> producer;
    private final MeterRegistry meters;
    private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

    public DeadLetters(KafkaSettings settings, Producer<String, byte[]> producer, MeterRegistry meters) {
        this.topic = settings.deadletterTopic();
        this.producer = producer;
        this.meters = meters;
    }

    public void reject(ConsumerRecord<String, byte[]> r, InvalidEnvelopeException why) {
        counter(why.reason()).increment();
        var headers = new RecordHeaders();
        headers.add(REASON, why.reason().getBytes(StandardCharsets.UTF_8));
        headers.add(DETAIL, truncate(why.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN, (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), headers), (m, e) -> {
            if (e != null)
                log.warn("Could not dead-letter {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
        });
        log.warn(
                "Invalid envelope at {}-{}@{} sent to {}: {}",
                r.topic(),
                r.partition(),
                r.offset(),
                topic,
                why.getMessage());
    }

    private Counter counter(String reason) {
        // reasons are a small fixed set of tokens from EnvelopeCodec, so this map stays tiny
        return byReason.computeIfAbsent(
                reason,
                k -> Counter.builder("skysentinel.kafka.deadletter")
                        .tag("reason", k)
                        .description("Records that failed envelope validation, sent to the dead-letter topic")
                        .register(meters));
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() <= 500 ? s : s.substring(0, 500);
    }
}
