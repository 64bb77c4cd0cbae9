package io.skysentinel.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broker is stopped and started again (same port, same log directory: the test kit's broker server restarts in
 * place) while the ingest side keeps publishing on its own loop: the idempotent producer retries through the gap,
 * so every state the ingest hub accepted reaches flights.updates exactly once and both serving hubs end with its
 * picture (issue 13: "hubs converge"). A FIGURES line prints the records, the outage and the time to converge.
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
            LiveHub<Aircraft> ingestHub =
                    LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
            SimpleMeterRegistry publisherMeters = new SimpleMeterRegistry();
            KafkaProducer<String, byte[]> producer = KafkaClients.producer(s, "restart-ingest");
            IngestPublisher publisher = new IngestPublisher(
                    s,
                    ingestHub,
                    KafkaRig.CODEC,
                    SourceInfo::unknown,
                    producer,
                    Clock.systemUTC(),
                    60_000,
                    publisherMeters);
            PublisherLoop loop = new PublisherLoop(
                    s,
                    publisher,
                    new IngestHeartbeat(
                            s,
                            java.util.List::of,
                            ingestHub,
                            producer,
                            KafkaRig.JSON,
                            "restart",
                            Clock.systemUTC(),
                            publisherMeters),
                    Clock.systemUTC());
            // what the hub accepted, every update, as history would need it
            var accepted = ingestHub.follow("test-accepted", 100_000);
            KafkaRig.Hub hub = rig.new Hub();
            KafkaRig.Hub other = rig.new Hub();
            KafkaRig.await("hub ready", Duration.ofSeconds(30), hub.follower::ready);
            KafkaRig.await("second hub ready", Duration.ofSeconds(30), other.follower::ready);
            loop.start(Set.of());

            long t = Instant.now().getEpochSecond();
            int steps = 60;
            long down = 0, up = 0;
            var brokerServer = broker.getCluster().brokers().values().iterator().next();
            for (int step = 0; step < steps; step++) {
                var batch = KafkaStreamIT.traffic(step, 200, t + step);
                ingestHub.apply(batch);
                if (step == 20) {
                    brokerServer.shutdown();
                    down = System.nanoTime();
                }
                if (step == 35) {
                    brokerServer.startup();
                    up = System.nanoTime();
                }
                Thread.sleep(100);
            }
            List<Aircraft> expected = KafkaRig.sorted(ingestHub.snapshot().entities());
            KafkaRig.await(
                    "the hub to match the ingest picture after the restart",
                    Duration.ofSeconds(90),
                    () -> hub.picture().equals(expected));
            KafkaRig.await(
                    "the second hub to match it too",
                    Duration.ofSeconds(90),
                    () -> other.picture().equals(expected));
            double convergedS = (System.nanoTime() - up) / 1e9;
            loop.close();
            producer.close();

            Set<String> seen = new HashSet<>();
            int records = 0;
            for (var rec : KafkaStreamIT.readAll(rig, s.updatesTopic())) {
                Aircraft a = KafkaRig.CODEC
                        .decode(rec.key(), rec.value(), Envelope.UPDATES_TOPIC)
                        .payload();
                seen.add(a.id() + "@" + a.lastContactUnix() + "/" + a.position());
                records++;
            }
            Set<String> acceptedStates = new HashSet<>();
            for (var u : accepted.take(100_000, 0).updates())
                acceptedStates.add(u.id() + "@" + u.state().lastContactUnix() + "/"
                        + u.state().position());
            assertThat(acceptedStates).hasSize(steps * 200);
            assertThat(seen)
                    .as("every state the ingest hub accepted is on flights.updates, also across the restart")
                    .isEqualTo(acceptedStates);
            assertThat(seen).as("no duplicates: the producer is idempotent").hasSize(records);
            assertThat(publisherMeters.find("skysentinel.kafka.publish.failed").counters())
                    .allSatisfy(c -> assertThat(c.count()).isZero());
            System.out.printf(
                    "FIGURES broker_down_s=%.1f records=%d accepted=%d lost=%d"
                            + " duplicates=%d converged_after_up_s=%.1f%n",
                    (up - down) / 1e9,
                    records,
                    acceptedStates.size(),
                    acceptedStates.size() - seen.size(),
                    records - seen.size(),
                    convergedS);
            assertThat(records)
                    .as("every update handed to the producer arrived")
                    .isEqualTo((int) publisherMeters
                            .get("skysentinel.kafka.published")
                            .tag("kind", "update")
                            .counter()
                            .count());
        }
    }
}
