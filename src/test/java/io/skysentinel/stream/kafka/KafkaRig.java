package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Test wiring of the real pieces against a real broker: an ingest side (hub + publisher) and followers. */
final class KafkaRig implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    static final EnvelopeCodec CODEC = new EnvelopeCodec(JSON);

    final KafkaSettings settings;
    final List<AutoCloseable> open = new ArrayList<>();

    KafkaRig(KafkaSettings settings) {
        this.settings = settings;
    }

    static KafkaSettings settings(String bootstrap, String prefix) {
        return KafkaSettings.of(bootstrap)
                .withPartitions(3)
                .withPrefix(prefix)
                .withTimings(
                        Duration.ofMillis(100), Duration.ofSeconds(6), Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    /** The ingest leader's side: a hub fed by hand and a publisher pumped and ticked by hand. */
    final class Ingest implements AutoCloseable {
        final LiveHub<Aircraft> hub =
                LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
        final KafkaProducer<String, byte[]> producer =
                KafkaClients.producer(settings, "test-ingest-" + UUID.randomUUID());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final IngestPublisher publisher = new IngestPublisher(
                settings, hub, CODEC, SourceInfo::unknown, producer, Clock.systemUTC(), 60_000, meters);

        Ingest() {
            publisher.prepare(Set.of());
            open.add(this);
        }

        /** Everything the hub applied so far: its updates, then the coalesced states. @return records */
        int publish() {
            int n = 0;
            for (int k = publisher.pump(0); k > 0; k = publisher.pump(0)) n += k;
            n += publisher.tick();
            producer.flush();
            return n;
        }

        @Override
        public void close() {
            publisher.flush();
            producer.close();
        }
    }

    /** A serving hub following the state topic, as a hub instance runs it. */
    final class Hub implements AutoCloseable {
        final LiveHub<Aircraft> hub =
                LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final KafkaProducer<String, byte[]> producer = KafkaClients.producer(settings, "test-dlq-" + UUID.randomUUID());
        final StateFollower follower = new StateFollower(
                settings,
                hub,
                CODEC,
                () -> KafkaClients.reader(settings, "test-hub-" + UUID.randomUUID()),
                new DeadLetters(settings, producer, meters),
                Clock.systemUTC(),
                meters);

        Hub() {
            follower.start();
            open.add(this);
        }

        List<Aircraft> picture() {
            return sorted(hub.snapshot().entities());
        }

        @Override
        public void close() {
            follower.close();
            producer.close();
        }
    }

    static List<Aircraft> sorted(List<Aircraft> in) {
        List<Aircraft> out = new ArrayList<>(in);
        out.sort(Comparator.comparing(Aircraft::id));
        return out;
    }

    KafkaConsumer<String, byte[]> reader() {
        KafkaConsumer<String, byte[]> c = KafkaClients.reader(settings, "test-reader-" + UUID.randomUUID());
        open.add(c);
        return c;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }
}
