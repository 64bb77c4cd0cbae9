package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.stream.kafka.FlightTopics;
import io.skysentinel.stream.kafka.IngestLeadership;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.testing.RecordingBus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

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
            this(kafka, name, false);
        }

        /** @param diesSilently the member closes without leaving the group, as a killed process does */
        Instance(KafkaSettings kafka, String name, boolean diesSilently) {
            var props = OpenSkyProperties.defaults().toBuilder()
                    .baseUrl(fake.baseUrl())
                    .tokenUrl(fake.tokenUrl())
                    .credentials("sky-client", "s3cret&=")
                    .minIntervals(Duration.ofMillis(100), Duration.ofMillis(100))
                    .timeout(Duration.ofSeconds(2))
                    .dailyCredits(10_000_000)
                    .build();
            source = new OpenSkySource(props, new RecordingBus(), new SimpleMeterRegistry(), Clock.systemUTC());
            leadership = new IngestLeadership(
                    kafka,
                    () -> diesSilently ? silentMember(kafka, name) : KafkaClients.electionMember(kafka, name),
                    source::start,
                    source::stop,
                    new SimpleMeterRegistry());
            leadership.start();
        }

        @Override
        public void close() {
            leadership.close();
        }
    }

    /**
     * A group member whose close does not leave the group: the coordinator only learns of it by the session timeout.
     */
    static KafkaConsumer<String, byte[]> silentMember(KafkaSettings kafka, String name) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG,
                name,
                ConsumerConfig.GROUP_ID_CONFIG,
                kafka.ingestGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                (int) kafka.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                1000,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        return new KafkaConsumer<>(config) {
            @Override
            public void close() {
                close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                        .withTimeout(Duration.ofSeconds(5)));
            }
        };
    }

    static KafkaSettings settings(String prefix) throws Exception {
        KafkaSettings kafka = KafkaSettings.of(broker.getBrokersAsString())
                .withPartitions(1)
                .withPrefix(prefix)
                .withTimings(
                        Duration.ofMillis(200), Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(15));
        try (Admin admin = KafkaClients.admin(kafka)) {
            FlightTopics.ensure(admin, kafka);
        }
        return kafka;
    }

    @Test
    void aLeaderThatDiesWithoutLeavingIsReplacedWithinTheSessionTimeout() throws Exception {
        KafkaSettings kafka = settings("dies");
        try (Instance leader = new Instance(kafka, "doomed", true)) {
            await(Duration.ofSeconds(30), leader.leadership::leader);
            try (Instance standby = new Instance(kafka, "survivor")) {
                Thread.sleep(2_000);
                assertThat(standby.leadership.leader()).isFalse();
                int tokensBefore = fake.tokenRequests.get();
                long diedAt = System.nanoTime();
                leader.close(); // its poller stops and its member vanishes without a LeaveGroup
                await(Duration.ofSeconds(30), standby.leadership::leader);
                long takeoverMs = (System.nanoTime() - diedAt) / 1_000_000;
                assertThat(takeoverMs)
                        .as("takeover after a silent death")
                        .isLessThan(30_000)
                        .isGreaterThanOrEqualTo(3_000); // it really waited for the session to expire
                await(Duration.ofSeconds(10), () -> fake.tokenRequests.get() > tokensBefore);
            }
        }
    }

    @Test
    void onlyTheLeaderPollsAndTheStandbyTakesOverWhenItStops() throws Exception {
        KafkaSettings kafka = settings("le");
        fake.states.clear();
        int tokensAtStart = fake.tokenRequests.get();
        try (Instance first = new Instance(kafka, "first");
                Instance second = new Instance(kafka, "second")) {
            await(Duration.ofSeconds(30), () -> first.leadership.leader() || second.leadership.leader());
            Instance leader = first.leadership.leader() ? first : second;
            Instance standby = leader == first ? second : first;
            await(Duration.ofSeconds(10), () -> fake.statesSnapshot().size() >= 5);
            Thread.sleep(2_000); // both members are in the group now; the standby must stay quiet
            assertThat(standby.leadership.leader()).isFalse();
            List<String> before = authorizations();
            assertThat(before).as("one poller, one token").containsOnly(before.getFirst());
            assertThat(fake.tokenRequests.get() - tokensAtStart).isEqualTo(1);

            long stoppedAt = System.nanoTime();
            leader.close();
            long stopReturned = System.nanoTime();
            await(Duration.ofSeconds(30), () -> standby.leadership.leader());
            long takeoverMs = (System.nanoTime() - stoppedAt) / 1_000_000;
            assertThat(takeoverMs).as("takeover within 30 s").isLessThan(30_000);
            await(
                    Duration.ofSeconds(10),
                    () -> fake.statesSnapshot().stream()
                            .anyMatch(s -> !before.getFirst().equals(s.authorization())));
            var after = fake.statesSnapshot().stream()
                    .filter(s -> s.atNanos() > stopReturned)
                    .toList();
            assertThat(after)
                    .as("only the new leader polls after the old one stopped")
                    .allSatisfy(s -> assertThat(s.authorization()).isNotEqualTo(before.getFirst()));
            assertThat(fake.tokenRequests.get() - tokensAtStart).isEqualTo(2);
        }
    }

    static List<String> authorizations() {
        return fake.statesSnapshot().stream()
                .map(FakeOpenSky.Seen::authorization)
                .toList();
    }

    static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }
}
