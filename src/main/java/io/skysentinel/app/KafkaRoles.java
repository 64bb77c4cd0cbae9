package io.skysentinel.app;

import io.skysentinel.core.Aircraft;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.Readiness;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.stream.kafka.DeadLetters;
import io.skysentinel.stream.kafka.EnvelopeCodec;
import io.skysentinel.stream.kafka.FlightTopics;
import io.skysentinel.stream.kafka.IngestLeadership;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.SourceInfo;
import io.skysentinel.stream.kafka.StateFollower;
import io.skysentinel.stream.kafka.StatePublisher;
import io.skysentinel.stream.kafka.StateTopicKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs this instance's roles on the Kafka bus: creates missing topics, follows flights.state into the hub (serve),
 * and takes part in the ingest election, starting the sources and the publisher only while it leads (ingest).
 * It is the instance's {@link Readiness}: ready once the follower has caught up (always, for ingest only).
 */
public final class KafkaRoles implements SmartLifecycle, Readiness {

    private static final Logger log = LoggerFactory.getLogger(KafkaRoles.class);

    private final KafkaSettings kafka;
    private final Roles roles;
    private final LiveHub<Aircraft> liveHub;
    private final HubSettings hubSettings;
    private final FlightBus bus;
    private final SourceRegistry sources;
    private final EnvelopeCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Function<String, SourceInfo> sourceInfo;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private KafkaProducer<String, byte[]> producer;
    private StateFollower follower;
    private StatePublisher publisher;
    private IngestLeadership leadership;
    private volatile boolean running;

    KafkaRoles(KafkaSettings kafka, Roles roles, LiveHub<Aircraft> liveHub, HubSettings hubSettings, FlightBus bus,
               SourceRegistry sources, EnvelopeCodec codec, Clock clock, MeterRegistry meters, Function<String, SourceInfo> sourceInfo) {
        this.kafka = kafka;
        this.roles = roles;
        this.liveHub = liveHub;
        this.hubSettings = hubSettings;
        this.bus = bus;
        this.sources = sources;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
        this.sourceInfo = sourceInfo;
    }

    @Override
    public synchronized void start() {
        try (Admin admin = KafkaClients.admin(kafka)) {
            FlightTopics.ensure(admin, kafka);
        }
        producer = KafkaClients.producer(kafka, "skysentinel-" + instance);
        if (roles.serve()) {
            follower = new StateFollower(kafka, liveHub, codec, () -> KafkaClients.reader(kafka, "skysentinel-hub-" + instance),
                    new DeadLetters(kafka, producer, meters), clock, meters);
            follower.start();
        }
        if (roles.ingest()) startIngest();
        running = true;
        log.info("Kafka bus at {}: roles {}", kafka.bootstrapServers(), roles);
    }

    private void startIngest() {
        // The ingest leader judges staleness on its own source-fed hub; in a combined process that hub is private
        // (its meters too) and the bean hub is the Kafka-fed one, like on every other serving instance.
        LiveHub<Aircraft> ingestHub = roles.serve() ? LiveHub.forAircraft(hubSettings, clock, new SimpleMeterRegistry()).attach(bus) : liveHub;
        publisher = new StatePublisher(kafka, ingestHub, codec, sourceInfo, producer, clock,
                hubSettings.staleThreshold().toMillis(), meters);
        leadership = new IngestLeadership(kafka, () -> KafkaClients.electionMember(kafka, "skysentinel-ingest-" + instance),
                this::lead, this::standDown, meters);
        leadership.start();
    }

    private void lead() {
        Set<String> live;
        try (var reader = KafkaClients.reader(kafka, "skysentinel-ingest-keys-" + instance)) {
            live = StateTopicKeys.live(reader, kafka.stateTopic(), Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            // without the inherited ids nothing is lost but ghost cleanup: aircraft a dead leader left stay until replaced
            log.error("Could not read {} on becoming ingest leader; starting without the inherited aircraft", kafka.stateTopic(), e);
            live = Set.of();
        }
        publisher.start(live);
        for (FlightSource s : sources.all()) {
            s.start();
            log.info("Source '{}' started (ingest leader)", s.name());
        }
    }

    private void standDown() {
        sources.all().forEach(FlightSource::stop);
        publisher.close();
    }

    @Override
    public synchronized void stop() {
        if (leadership != null) leadership.close(); // runs standDown if this instance led
        if (follower != null) follower.close();
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
        return follower == null || follower.ready();
    }

    public boolean leader() {
        return leadership != null && leadership.leader();
    }

    /** An ingest instance waiting for leadership; not one that lost it (it must be restarted to stand by again). */
    @Override
    public boolean standby() {
        return leadership != null && !leadership.leader() && !leadership.retired();
    }

    public StateFollower follower() {
        return follower;
    }
}
