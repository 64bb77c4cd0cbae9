package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.bus.InMemoryFlightBus;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.FeedStatus;
import io.skysentinel.core.Readiness;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.core.UpdateHandler;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.stream.kafka.DeadLetters;
import io.skysentinel.stream.kafka.EnvelopeCodec;
import io.skysentinel.stream.kafka.EventPublisher;
import io.skysentinel.stream.kafka.EventTail;
import io.skysentinel.stream.kafka.FlightTopics;
import io.skysentinel.stream.kafka.IngestHeartbeat;
import io.skysentinel.stream.kafka.IngestPublisher;
import io.skysentinel.stream.kafka.IngestStatusFollower;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.SourceInfo;
import io.skysentinel.stream.kafka.StateFollower;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs this instance's roles on the Kafka bus: creates missing topics; follows flights.state into the hub and
 * flights.events into the live listeners (serve); takes part in the ingest election (ingest); consumes
 * flights.updates into analytics and history (history). It is the instance's {@link Readiness} "kafka": ready once
 * the state follower has caught up and the history consumer has joined its group; its picture's {@link #feed} is the
 * ingest leader's heartbeat whenever the picture does not come from this instance's own sources.
 */
public final class KafkaRoles implements SmartLifecycle, Readiness {

    private static final Logger log = LoggerFactory.getLogger(KafkaRoles.class);

    /**
     * What the roles are built from.
     *
     * @param liveListeners  who gets the events read from flights.events (the WebSocket relay)
     * @param historyHandler given the event publisher, the history role's handler (analytics, then the writer)
     */
    record Wiring(
            KafkaSettings kafka,
            Roles roles,
            LiveHub<Aircraft> liveHub,
            HubSettings hubSettings,
            InMemoryFlightBus bus,
            SourceRegistry sources,
            EnvelopeCodec codec,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            Function<String, SourceInfo> sourceInfo,
            List<AnalyticsListener> liveListeners,
            Function<AnalyticsListener, UpdateHandler<Aircraft>> historyHandler) {}

    private final Wiring w;
    private final KafkaSettings kafka;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private KafkaProducer<String, byte[]> producer;
    private StateFollower follower;
    private IngestStatusFollower status;
    private EventTail events;
    private IngestRole ingest;
    private HistoryRole history;
    private volatile boolean running;

    KafkaRoles(Wiring wiring) {
        this.w = wiring;
        this.kafka = wiring.kafka();
    }

    @Override
    public synchronized void start() {
        try (Admin admin = KafkaClients.admin(kafka)) {
            FlightTopics.ensure(admin, kafka);
        }
        producer = KafkaClients.producer(kafka, "skysentinel-" + instance);
        DeadLetters deadLetters = new DeadLetters(kafka, producer, w.meters());
        Roles roles = w.roles();
        if (roles.serve() || roles.ingest())
            status = new IngestStatusFollower(kafka, w.json(), () -> reader("status"), deadLetters, w.clock()).start();
        if (roles.serve()) {
            follower = new StateFollower(
                    kafka, w.liveHub(), w.codec(), () -> reader("hub"), deadLetters, w.clock(), w.meters());
            follower.start();
            events = new EventTail(kafka, w.json(), w.liveListeners(), () -> reader("events"), deadLetters, w.meters());
            events.start();
        }
        if (roles.history()) {
            EventPublisher publisher = new EventPublisher(kafka, producer, w.json(), w.clock(), w.meters());
            UpdateHandler<Aircraft> handler = w.historyHandler().apply(publisher);
            history = new HistoryRole(kafka, w.codec(), handler, deadLetters, w.meters(), instance);
            history.start();
        }
        if (roles.ingest()) startIngest();
        running = true;
        log.info("Kafka bus at {}: roles {}, instance {}", kafka.bootstrapServers(), roles, instance);
    }

    private org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader(String what) {
        return KafkaClients.reader(kafka, "skysentinel-" + what + "-" + instance);
    }

    private void startIngest() {
        // The ingest leader judges staleness on its own source-fed hub; in a process that also serves, that hub is
        // private (its meters too) and the bean hub is the Kafka-fed one, like on every other serving instance.
        LiveHub<Aircraft> ingestHub = w.roles().serve() ? privateIngestHub() : w.liveHub();
        IngestPublisher publisher = new IngestPublisher(
                kafka,
                ingestHub,
                w.codec(),
                w.sourceInfo(),
                producer,
                w.clock(),
                w.hubSettings().staleThreshold().toMillis(),
                w.meters());
        IngestHeartbeat heartbeat = new IngestHeartbeat(
                kafka, w.sources()::health, ingestHub, producer, w.json(), instance, w.clock(), w.meters());
        ingest = new IngestRole(kafka, w.sources(), w.bus(), publisher, heartbeat, w.clock(), w.meters(), instance);
        ingest.start();
    }

    private LiveHub<Aircraft> privateIngestHub() {
        return LiveHub.forAircraft(w.hubSettings(), w.clock(), new SimpleMeterRegistry())
                .attach(w.bus());
    }

    @Override
    public synchronized void stop() {
        if (ingest != null) ingest.close(); // steps down (sources, last updates) if this instance leads
        if (history != null) history.close();
        if (events != null) events.close();
        if (follower != null) follower.close();
        if (status != null) status.close();
        if (producer != null) producer.close(Duration.ofSeconds(10));
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000; // after the web server, like SourceLifecycle
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public boolean ready() {
        return (follower == null || follower.ready()) && (history == null || history.ready());
    }

    /** The picture comes from Kafka on a serving instance, and on an ingest-only one that is not leading. */
    @Override
    public Optional<FeedStatus> feed() {
        IngestStatusFollower s = status;
        if (s == null) return Optional.empty();
        if (w.roles().serve() || (ingest != null && !ingest.leader())) return Optional.of(s.feed());
        return Optional.empty();
    }

    @Override
    public boolean degraded() {
        return history != null && history.failing();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        if (follower != null) d.put("state_behind", follower.behind());
        if (ingest != null) d.put("ingest_leader", ingest.leader());
        if (history != null) d.putAll(history.details());
        return d;
    }

    public boolean leader() {
        return ingest != null && ingest.leader();
    }

    /** An ingest instance not leading now: it stands by, whether it never led or led and was deposed. */
    public boolean standby() {
        return ingest != null && !ingest.leader();
    }

    /** Terms this instance has led since it started (0 for a standby that never led). */
    public int terms() {
        return ingest == null ? 0 : ingest.terms();
    }

    public StateFollower follower() {
        return follower;
    }

    public IngestStatusFollower status() {
        return status;
    }
}
