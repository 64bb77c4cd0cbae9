package io.skysentinel.source.opensky;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.stream.kafka.FlightTopics;
import io.skysentinel.stream.kafka.IngestLeadership;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.testing.RecordingBus;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ingest instances, each with its own OpenSky poller, elect a leader through a real Kafka broker: only the
 * leader's requests reach the (local, fake) OpenSky server, and the standby takes over when the leader stops. Each
 * instance fetches its own OAuth token, so the Authorization header tells whose request it was.
 */
class IngestLeadershipIT {

    static EmbeddedKafkaKraftBroker broker;
    static FakeOpenSky fake;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        fake = new FakeOpenSky();
    }

    @AfterAll
    static void stop() {
        fake.close();
        broker.destroy();
    }

    /** One ingest instance: an OpenSky poller started and stopped by the election, as KafkaRoles does it. */
    static final class Instance implements AutoCloseable {
        final OpenSkySource source;
        final IngestLeadership leadership;

        Instance(KafkaSettings kafka, String name) {
            var props = OpenSkyProperties.defaults().toBuilder().baseUrl(fake.baseUrl()).tokenUrl(fake.tokenUrl())
                    .credentials("sky-client", "s3cret&=").minIntervals(Duration.ofMillis(100), Duration.ofMillis(100))
                    .timeout(Duration.ofSeconds(2)).dailyCredits(10_000_000).build();
            source = new OpenSkySource(props, new RecordingBus(), new SimpleMeterRegistry(), Clock.systemUTC());
            leadership = new IngestLeadership(kafka, () -> KafkaClients.electionMember(kafka, name), source::start,
                    source::stop, new SimpleMeterRegistry());
            leadership.start();
        }

        @Override
        public void close() {
            leadership.close();
        }
    }

    @Test
    void onlyTheLeaderPollsAndTheStandbyTakesOverWhenItStops() throws Exception {
        KafkaSettings kafka = new KafkaSettings(broker.getBrokersAsString(), 1, (short) 1, "le.state", "le.updates",
                "le.deadletter", "le.coordination", Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(200),
                Duration.ofSeconds(6), "le-ingest");
        try (Admin admin = KafkaClients.admin(kafka)) {
            FlightTopics.ensure(admin, kafka);
        }
        try (Instance first = new Instance(kafka, "first"); Instance second = new Instance(kafka, "second")) {
            await(Duration.ofSeconds(30), () -> first.leadership.leader() || second.leadership.leader());
            Instance leader = first.leadership.leader() ? first : second;
            Instance standby = leader == first ? second : first;
            await(Duration.ofSeconds(10), () -> fake.statesSnapshot().size() >= 5);
            Thread.sleep(2_000); // both members are in the group now; the standby must stay quiet
            assertThat(standby.leadership.leader()).isFalse();
            List<String> before = authorizations();
            assertThat(before).as("one poller, one token").containsOnly(before.getFirst());
            assertThat(fake.tokenRequests.get()).isEqualTo(1);

            long stoppedAt = System.nanoTime();
            leader.close();
            long stopReturned = System.nanoTime();
            await(Duration.ofSeconds(30), () -> standby.leadership.leader());
            long takeoverMs = (System.nanoTime() - stoppedAt) / 1_000_000;
            assertThat(takeoverMs).as("takeover within 30 s").isLessThan(30_000);
            await(Duration.ofSeconds(10), () -> fake.statesSnapshot().stream().anyMatch(s -> !before.getFirst().equals(s.authorization())));
            var after = fake.statesSnapshot().stream().filter(s -> s.atNanos() > stopReturned).toList();
            assertThat(after).as("only the new leader polls after the old one stopped")
                    .allSatisfy(s -> assertThat(s.authorization()).isNotEqualTo(before.getFirst()));
            assertThat(fake.tokenRequests.get()).isEqualTo(2);
        }
    }

    static List<String> authorizations() {
        return fake.statesSnapshot().stream().map(FakeOpenSky.Seen::authorization).toList();
    }

    static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }
}
