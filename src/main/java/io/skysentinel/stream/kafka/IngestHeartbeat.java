package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leader's heartbeat: its sources' health and the age of their newest data on its hub, one record on the
 * compacted flights.status topic (key {@value IngestStatus#KEY}) every heartbeat interval. Serve instances judge
 * /health and {@code stale} by it: a source polling every few minutes on a low OpenSky budget is not stale just
 * because its data is minutes old, while no heartbeat at all means the ingest side is gone.
 */
public final class IngestHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(IngestHeartbeat.class);

    private final KafkaSettings settings;
    private final Supplier<List<SourceHealth>> health;
    private final LiveHub<Aircraft> hub;
    private final Producer<String, byte[]> producer;
    private final JsonMapper json;
    private final String instance;
    private final Clock clock;
    private final Counter sent, failed;

    public IngestHeartbeat(
            KafkaSettings settings,
            Supplier<List<SourceHealth>> health,
            LiveHub<Aircraft> hub,
            Producer<String, byte[]> producer,
            JsonMapper json,
            String instance,
            Clock clock,
            MeterRegistry meters) {
        this.settings = settings;
        this.health = health;
        this.hub = hub;
        this.producer = producer;
        this.json = json;
        this.instance = instance;
        this.clock = clock;
        this.sent = beats(meters, "sent");
        this.failed = beats(meters, "failed");
    }

    private static Counter beats(MeterRegistry meters, String outcome) {
        return Counter.builder("skysentinel.kafka.heartbeats")
                .tag("outcome", outcome)
                .description("Ingest heartbeats sent to flights.status, by outcome")
                .register(meters);
    }

    /** The heartbeat as of now. */
    IngestStatus status() {
        Map<String, LiveHub.SourceView> views = hub.sources();
        List<IngestStatus.Source> out = new ArrayList<>();
        for (SourceHealth h : health.get()) {
            LiveHub.SourceView v = views.get(h.name());
            out.add(IngestStatus.Source.of(h, v == null ? null : v.dataAgeMs() / 1000.0, v == null ? 0 : v.aircraft()));
        }
        return new IngestStatus(
                Envelope.SCHEMA_VERSION,
                IngestStatus.TYPE,
                Instant.ofEpochMilli(clock.millis()).toString(),
                instance,
                out);
    }

    /** Sends one heartbeat; never throws (a missed beat is what the timeout on the reading side is for). */
    public void beat() {
        try {
            byte[] value = json.writeValueAsBytes(status());
            producer.send(new ProducerRecord<>(settings.statusTopic(), IngestStatus.KEY, value), (m, e) -> {
                if (e != null) failed.increment();
            });
            sent.increment();
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("Ingest heartbeat not sent: {}", e.toString());
        }
    }
}
