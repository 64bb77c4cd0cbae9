package io.skysentinel.stream.kafka;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The Kafka bus end to end on a real in-JVM KRaft broker: topics, publisher, followers, tombstones, dead letters. */
class KafkaStreamIT {

    static EmbeddedKafkaKraftBroker broker;
    static final AtomicInteger RUN = new AtomicInteger();
    static final Duration WAIT = Duration.ofSeconds(30);
    KafkaRig rig;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    /** Each test has its own topic names on the shared broker. */
    KafkaRig rig() {
        rig = new KafkaRig(KafkaRig.settings(broker.getBrokersAsString(), "t" + RUN.incrementAndGet()));
        try (Admin admin = KafkaClients.admin(rig.settings)) {
            FlightTopics.ensure(admin, rig.settings);
        }
        return rig;
    }

    @AfterEach
    void close() throws Exception {
        if (rig != null) rig.close();
    }

    /**
     * A batch of {@code n} aircraft from the simulator at time t (seconds), positions shifted by t so each is a change.
     */
    static SourceBatch traffic(int from, int n, long t) {
        List<Aircraft> out = new ArrayList<>();
        for (int i = from; i < from + n; i++)
            out.add(plane(String.format("a%05x", i))
                    .at(40 + (i % 50) * 0.01, -74 + (t % 100) * 0.001)
                    .seen(t)
                    .build());
        return SourceBatch.live("sim", t * 1000, out);
    }

    @Test
    void topicsAreCreatedWithTheSpecifiedConfigurations() throws Exception {
        KafkaSettings s = rig().settings;
        try (Admin admin = KafkaClients.admin(s)) {
            FlightTopics.ensure(admin, s); // a second start finds them and leaves them alone
            var names = List.of(s.stateTopic(), s.updatesTopic(), s.deadletterTopic(), s.coordinationTopic());
            KafkaRig.await("the broker to know the new topics", WAIT, () -> {
                try {
                    admin.describeTopics(names).allTopicNames().get();
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
            var topics = admin.describeTopics(names).allTopicNames().get();
            assertThat(topics.get(s.stateTopic()).partitions()).hasSize(3);
            assertThat(topics.get(s.updatesTopic()).partitions()).hasSize(3);
            assertThat(topics.get(s.coordinationTopic()).partitions()).hasSize(1);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                            .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                            .toList())
                    .all()
                    .get();
            assertThat(value(configs, s.stateTopic(), "cleanup.policy")).isEqualTo("compact");
            assertThat(value(configs, s.updatesTopic(), "cleanup.policy")).isEqualTo("delete");
            assertThat(value(configs, s.updatesTopic(), "retention.ms"))
                    .isEqualTo(String.valueOf(Duration.ofHours(24).toMillis()));
            assertThat(value(configs, s.deadletterTopic(), "cleanup.policy")).isEqualTo("delete");
        }
    }

    static String value(Map<ConfigResource, Config> configs, String topic, String key) {
        return configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .get(key)
                .value();
    }

    @Test
    void twoHubsEndWithThePictureOfTheIngestHub() throws Exception {
        KafkaRig r = rig();
        KafkaRig.Ingest ingest = r.new Ingest();
        KafkaRig.Hub one = r.new Hub();
        KafkaRig.Hub two = r.new Hub();
        long t = Instant.now().getEpochSecond();
        for (int step = 0; step < 10; step++) {
            ingest.hub.apply(traffic(step * 7, 300, t + step));
            ingest.publish();
        }
        List<Aircraft> expected = KafkaRig.sorted(ingest.hub.snapshot().entities());
        assertThat(expected).hasSize(300 + 9 * 7);
        KafkaRig.await(
                "both hubs to match the ingest hub",
                WAIT,
                () -> one.picture().equals(expected) && two.picture().equals(expected));
        assertThat(one.follower.ready()).isTrue();
        assertThat(two.follower.ready()).isTrue();
        // every accepted state went to the append-only updates topic, not only the newest per tick
        assertThat(count(r, r.settings.updatesTopic())).isEqualTo(ingest.hub.seq());
    }

    @Test
    void aHubRestartedMidStreamRebuildsTheSamePictureAndIsReadyOnlyAfterCatchingUp() throws Exception {
        KafkaRig r = rig();
        KafkaRig.Ingest ingest = r.new Ingest();
        KafkaRig.Hub steady = r.new Hub();
        KafkaRig.Hub restarted = r.new Hub();
        long t = Instant.now().getEpochSecond();
        for (int step = 0; step < 5; step++) {
            ingest.hub.apply(traffic(step * 50, 1_000, t + step));
            ingest.publish();
        }
        restarted.close();
        for (int step = 5; step < 10; step++) {
            ingest.hub.apply(traffic(step * 50, 1_000, t + step));
            ingest.publish();
        }
        KafkaRig.Hub again = r.new Hub();
        assertThat(again.follower.ready())
                .as("not ready before it has read the topic")
                .isFalse();
        List<Aircraft> expected = KafkaRig.sorted(ingest.hub.snapshot().entities());
        KafkaRig.await("the restarted hub to catch up", WAIT, () -> again.follower.ready());
        assertThat(again.picture()).isEqualTo(expected);
        KafkaRig.await("the steady hub", WAIT, () -> steady.picture().equals(expected));
    }

    @Test
    void aStaleAircraftsTombstoneRemovesItEverywhere() throws Exception {
        KafkaRig r = rig();
        KafkaRig.Ingest ingest = r.new Ingest();
        KafkaRig.Hub one = r.new Hub();
        KafkaRig.Hub two = r.new Hub();
        long t = Instant.now().getEpochSecond() - 120;
        ingest.hub.apply(SourceBatch.live(
                "sim",
                t * 1000,
                List.of(plane("dead01").seen(t).build(), plane("11fe01").seen(t).build())));
        ingest.publish();
        KafkaRig.await("both aircraft on both hubs", WAIT, () -> one.hub.size() == 2 && two.hub.size() == 2);
        // 61 s later only live01 is still reported: dead01 is stale at the ingest hub, which publishes a tombstone
        ingest.hub.apply(SourceBatch.live(
                "sim",
                (t + 61) * 1000,
                List.of(plane("11fe01").at(41, -73).seen(t + 61).build())));
        assertThat(ingest.hub.get("dead01")).isNull();
        ingest.publish();
        KafkaRig.await(
                "dead01 gone from both hubs",
                WAIT,
                () -> one.hub.get("dead01") == null && two.hub.get("dead01") == null);
        assertThat(one.hub.get("11fe01").position().lat()).isEqualTo(41.0);
        // the tombstone is on the compacted topic, and a hub started now never sees dead01 at all
        List<ConsumerRecord<String, byte[]>> records = readAll(r, r.settings.stateTopic());
        assertThat(records).anySatisfy(rec -> {
            assertThat(rec.key()).isEqualTo("dead01");
            assertThat(rec.value()).isNull();
        });
        KafkaRig.Hub late = r.new Hub();
        KafkaRig.await("late hub ready", WAIT, () -> late.follower.ready());
        assertThat(late.picture()).extracting(Aircraft::id).containsExactly("11fe01");
    }

    @Test
    void anInvalidRecordIsDeadLetteredWithItsReasonAndTheHubKeepsGoing() throws Exception {
        KafkaRig r = rig();
        KafkaRig.Hub hub = r.new Hub();
        KafkaRig.Ingest ingest = r.new Ingest();
        long t = Instant.now().getEpochSecond();
        try (KafkaProducer<String, byte[]> raw = KafkaClients.producer(r.settings, "raw")) {
            raw.send(new ProducerRecord<>(
                            r.settings.stateTopic(), 0, "bad001", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            byte[] valid = KafkaRig.CODEC.encode(Envelope.of(
                    Envelope.FLIGHT_STATE,
                    Instant.now(),
                    SourceInfo.unknown("sim"),
                    null,
                    plane("bad002").seen(t).build()));
            String wrongVersion =
                    new String(valid, StandardCharsets.UTF_8).replace("\"schema_version\":2", "\"schema_version\":3");
            raw.send(new ProducerRecord<>(
                            r.settings.stateTopic(), 0, "bad002", wrongVersion.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        ingest.hub.apply(SourceBatch.live(
                "sim", t * 1000, List.of(plane("900d01").seen(t).build())));
        ingest.publish();
        KafkaRig.await("the valid record after the bad ones", WAIT, () -> hub.hub.get("900d01") != null);
        assertThat(hub.hub.get("bad001")).isNull();
        assertThat(hub.hub.get("bad002")).isNull();
        KafkaRig.await(
                "dead letters counted",
                WAIT,
                () -> hub.meters.find("skysentinel.kafka.deadletter").counters().stream()
                                .mapToDouble(c -> c.count())
                                .sum()
                        == 2);
        Map<String, String> reasons = new HashMap<>();
        KafkaRig.await("two dead letters", WAIT, () -> {
            readAll(r, r.settings.deadletterTopic())
                    .forEach(rec -> reasons.put(
                            rec.key(),
                            new String(
                                    rec.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)));
            return reasons.size() == 2;
        });
        assertThat(reasons).containsEntry("bad001", "not_json").containsEntry("bad002", "schema_version");
    }

    long countStates(KafkaRig r) {
        return readAll(r, r.settings.stateTopic()).stream()
                .filter(rec -> rec.value() != null)
                .count();
    }

    long count(KafkaRig r, String topic) {
        return readAll(r, topic).size();
    }

    /** Every record of a topic, start to end. */
    static List<ConsumerRecord<String, byte[]>> readAll(KafkaRig r, String topic) {
        var c = r.reader();
        var parts = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        var end = c.endOffsets(parts);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline)
            c.poll(Duration.ofMillis(200)).forEach(out::add);
        return out;
    }
}
