package io.skysentinel.stream.kafka;

import io.skysentinel.core.FeedStatus;
import io.skysentinel.core.SourceHealth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the ingest leader's heartbeats from flights.status and says how the Kafka-fed picture stands
 * ({@link #feed}): live while the newest heartbeat is younger than the heartbeat timeout, with the upstream sources'
 * health it carried. The age is the heartbeat's {@code produced_at} against this instance's clock, so the instances'
 * clocks must agree to well within the timeout (NTP). A record that is not a valid heartbeat is dead-lettered.
 */
public final class IngestStatusFollower implements AutoCloseable {

    private final JsonMapper json;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final long timeoutMs;
    private final TopicTail tail;
    private volatile IngestStatus newest;

    public IngestStatusFollower(
            KafkaSettings settings,
            JsonMapper json,
            Supplier<Consumer<String, byte[]>> consumers,
            DeadLetters deadLetters,
            Clock clock) {
        this.json = json;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.timeoutMs = settings.heartbeatTimeout().toMillis();
        this.tail = new TopicTail(settings.statusTopic(), true, consumers, this::apply);
    }

    public IngestStatusFollower start() {
        tail.start();
        return this;
    }

    void apply(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) continue; // an operator may tombstone the key; nothing to learn from it
            IngestStatus s;
            try {
                s = json.readValue(r.value(), IngestStatus.class);
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                String why = "not an ingest_status heartbeat: " + e.getMessage();
                deadLetters.reject(r, new InvalidEnvelopeException("status", why));
                continue;
            }
            IngestStatus held = newest;
            // two leaders overlap for a moment during a takeover: the newest heartbeat wins
            if (held == null || !s.producedAtInstant().isBefore(held.producedAtInstant())) newest = s;
        }
    }

    /** The newest heartbeat, or null before the first. */
    public IngestStatus newest() {
        return newest;
    }

    public FeedStatus feed() {
        IngestStatus s = newest;
        if (s == null) return new FeedStatus(false, null, List.of(), Map.of());
        long ageMs = Math.max(0, clock.millis() - s.producedAtInstant().toEpochMilli());
        List<SourceHealth> sources = new ArrayList<>();
        Map<String, Double> ages = new HashMap<>();
        for (IngestStatus.Source src : s.sources()) {
            sources.add(src.toHealth());
            if (src.dataAgeS() != null) ages.put(src.name(), src.dataAgeS());
        }
        return new FeedStatus(ageMs <= timeoutMs, ageMs / 1000.0, sources, ages);
    }

    @Override
    public void close() {
        tail.close();
    }
}
