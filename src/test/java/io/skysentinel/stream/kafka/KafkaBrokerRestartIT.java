package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker is stopped and started again (same port, same log directory: the test kit's broker server restarts in
 * place) while the ingest side keeps publishing on its own ticker: the idempotent producer retries through the gap,
 * so every update reaches flights.updates exactly once and the hub ends with the ingest picture.
 */
class KafkaBrokerRestartIT {

    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void aBrokerRestartMidStreamLosesNoUpdate() throws Exception {
        KafkaSettings s = KafkaRig.settings(broker.getBrokersAsString(), "restart");
        try (Admin admin = KafkaClients.admin(s)) {
            FlightTopics.ensure(admin, s);
        }
        try (KafkaRig rig = new KafkaRig(s)) {
            LiveHub<Aircraft> ingestHub = LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
            SimpleMeterRegistry publisherMeters = new SimpleMeterRegistry();
            KafkaProducer<String, byte[]> producer = KafkaClients.producer(s, "restart-ingest");
            StatePublisher publisher = new StatePublisher(s, ingestHub, KafkaRig.CODEC, SourceInfo::unknown, producer,
                    Clock.systemUTC(), 60_000, publisherMeters);
            KafkaRig.Hub hub = rig.new Hub();
            KafkaRig.await("hub ready", Duration.ofSeconds(30), hub.follower::ready);
            publisher.start(Set.of());

            long t = Instant.now().getEpochSecond();
            int steps = 60;
            var brokerServer = broker.getCluster().brokers().values().iterator().next();
            for (int step = 0; step < steps; step++) {
                var batch = KafkaStreamIT.traffic(step, 200, t + step);
                ingestHub.apply(batch);
                if (step == 20) brokerServer.shutdown();
                if (step == 35) brokerServer.startup();
                Thread.sleep(100);
            }
            List<Aircraft> expected = KafkaRig.sorted(ingestHub.snapshot().entities());
            KafkaRig.await("the hub to match the ingest picture after the restart", Duration.ofSeconds(90),
                    () -> hub.picture().equals(expected));
            publisher.close();
            producer.close();

            Set<String> seen = new HashSet<>();
            int records = 0;
            for (var rec : KafkaStreamIT.readAll(rig, s.updatesTopic())) {
                Aircraft a = KafkaRig.CODEC.decode(rec.key(), rec.value(), Envelope.FLIGHT_UPDATE).payload();
                seen.add(a.icao24() + "@" + a.lastContactUnix() + "/" + a.position());
                records++;
            }
            // the publisher coalesces what changed between two ticks, so "every update" is every one it handed over
            assertThat(seen).as("the final state of every aircraft is on flights.updates")
                    .containsAll(expected.stream().map(a -> a.icao24() + "@" + a.lastContactUnix() + "/" + a.position()).toList());
            assertThat(seen).as("no duplicates: the producer is idempotent").hasSize(records);
            assertThat(publisherMeters.counter("skysentinel.kafka.publish.failed").count()).isZero();
            assertThat(records).as("every update handed to the producer arrived")
                    .isEqualTo((int) publisherMeters.get("skysentinel.kafka.published").tag("kind", "update").counter().count());
        }
    }
}
