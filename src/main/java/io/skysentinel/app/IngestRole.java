package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.bus.InMemoryFlightBus;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.stream.kafka.IngestHeartbeat;
import io.skysentinel.stream.kafka.IngestLeadership;
import io.skysentinel.stream.kafka.IngestPublisher;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.PublisherLoop;
import io.skysentinel.stream.kafka.StateTopicKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest role: takes part in the leader election; while it leads, its sources feed its own hub and the publisher
 * loop turns that hub's updates into records. Stepping down stops the sources, waits for the bus to hand over what
 * they published, and sends that before the term ends, so a clean hand-over loses nothing this instance accepted. A
 * deposed instance stays in the election as a standby and leads again (sources restarted) when elected again.
 */
final class IngestRole implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestRole.class);

    private final KafkaSettings kafka;
    private final SourceRegistry sources;
    private final InMemoryFlightBus bus;
    private final PublisherLoop loop;
    private final IngestLeadership leadership;
    private final String instance;

    /** @param publisher the records of the updates of the hub the sources feed (staleness is decided there, once) */
    IngestRole(
            KafkaSettings kafka,
            SourceRegistry sources,
            InMemoryFlightBus bus,
            IngestPublisher publisher,
            IngestHeartbeat heartbeat,
            Clock clock,
            MeterRegistry meters,
            String instance) {
        this.kafka = kafka;
        this.sources = sources;
        this.bus = bus;
        this.instance = instance;
        this.loop = new PublisherLoop(kafka, publisher, heartbeat, clock);
        this.leadership = new IngestLeadership(
                kafka,
                () -> KafkaClients.electionMember(kafka, "skysentinel-ingest-" + instance),
                this::lead,
                this::standDown,
                meters);
    }

    void start() {
        leadership.start();
    }

    private void lead() {
        Set<String> live;
        try (var reader = KafkaClients.reader(kafka, "skysentinel-ingest-keys-" + instance)) {
            live = StateTopicKeys.live(reader, kafka.stateTopic(), Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            // without the inherited ids nothing is lost but ghost cleanup: what a dead leader left stays until replaced
            log.error(
                    "Could not read {} on becoming ingest leader; starting without the inherited aircraft",
                    kafka.stateTopic(),
                    e);
            live = Set.of();
        }
        loop.start(live);
        for (FlightSource s : sources.all()) {
            s.start();
            log.info("Source '{}' started (ingest leader)", s.name());
        }
    }

    private void standDown() {
        sources.all().forEach(FlightSource::stop);
        try {
            if (!bus.awaitIdle(Duration.ofSeconds(5))) log.warn("The bus did not hand over its batches within 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.stop();
    }

    boolean leader() {
        return leadership.leader();
    }

    int terms() {
        return leadership.terms();
    }

    /** Leaves the election (a standby takes over at once); steps down first if this instance leads. */
    @Override
    public void close() {
        leadership.close();
    }
}
