package io.skysentinel.stream.kafka;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.history.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two history consumers in one group on a real broker, writing to a real PostgreSQL: one is killed mid-stream right
 * after a write and before its commit (its member stays in the group, as a dead process's does), the survivor is
 * given its partitions after the session timeout and reads the uncommitted records again. Every published position
 * is stored exactly once.
 */
class HistoryGroupIT {

    static final int AIRCRAFT = 40, STEPS = 60;
    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    /** Thrown by the doomed member's handler after its write: ends its thread before the commit. */
    static final class Killed extends Error {
        Killed() {
            super("killed after writing, before committing");
        }
    }

    /** A member whose close does not leave the group: the coordinator notices only at the session timeout. */
    static KafkaConsumer<String, byte[]> dying(KafkaSettings s, String id) {
        return new KafkaConsumer<>(KafkaClients.historyConfig(s, id, 200)) {
            @Override
            public void close() {
                close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                        .withTimeout(Duration.ofSeconds(5)));
            }
        };
    }

    @Test
    void killingOneOfTwoHistoryConsumersMidStreamStoresEveryPositionExactlyOnce() throws Exception {
        KafkaSettings s = KafkaSettings.of(broker.getBrokersAsString())
                .withPartitions(4)
                .withPrefix("group")
                .withTimings(
                        Duration.ofMillis(100), Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofSeconds(5));
        try (Admin admin = KafkaClients.admin(s)) {
            FlightTopics.ensure(admin, s);
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TestDatabase db = new TestDatabase();
                var dlq = KafkaClients.producer(s, "group-dlq")) {
            UpdateRecords records = new UpdateRecords(KafkaRig.CODEC, new DeadLetters(s, dlq, meters));
            AtomicInteger doomedBatches = new AtomicInteger();
            AtomicBoolean kill = new AtomicBoolean();
            SimpleMeterRegistry doomedRows = new SimpleMeterRegistry(), survivorRows = new SimpleMeterRegistry();
            HistoryWriter doomedWriter = writer(db, doomedRows);
            UpdateHandler<Aircraft> doomedHandler = new UpdateHandler<>() {
                @Override
                public void handle(List<Update<Aircraft>> updates) throws Exception {
                    doomedWriter.handle(updates);
                    doomedBatches.incrementAndGet();
                    if (kill.get()) throw new Killed();
                }
            };
            ConsumerMetrics doomedMetrics = new ConsumerMetrics(new SimpleMeterRegistry());
            ConsumerMetrics survivorMetrics = new ConsumerMetrics(new SimpleMeterRegistry());
            HistoryConsumer doomed = new HistoryConsumer(
                            s,
                            () -> dying(s, "doomed"),
                            doomedHandler,
                            records,
                            doomedMetrics,
                            Duration.ofMillis(200),
                            Duration.ofSeconds(2))
                    .start();
            HistoryConsumer survivor = new HistoryConsumer(
                    s,
                    () -> KafkaClients.historyMember(s, "survivor", 200),
                    writer(db, survivorRows),
                    records,
                    survivorMetrics,
                    Duration.ofMillis(200),
                    Duration.ofSeconds(2));
            survivor.start();
            KafkaRig.await("both members joined", Duration.ofSeconds(30), () -> doomed.ready() && survivor.ready());

            Set<String> published = new HashSet<>();
            long t0 = Instant.now().getEpochSecond() - STEPS;
            try (var producer = KafkaClients.producer(s, "group-ingest")) {
                for (int step = 0; step < STEPS; step++) {
                    if (step == STEPS / 2) {
                        KafkaRig.await(
                                "the doomed member to have written",
                                Duration.ofSeconds(30),
                                () -> doomedBatches.get() > 0);
                        kill.set(true); // its next write is its last: stored, never committed
                    }
                    for (int i = 0; i < AIRCRAFT; i++) {
                        Aircraft a = plane(String.format("c%05x", i))
                                .at(46 + i * 0.01, 7 + step * 0.001)
                                .seen(t0 + step)
                                .build();
                        byte[] value = KafkaRig.CODEC.encode(
                                Envelope.of(Envelope.FLIGHT_UPDATE, Instant.now(), SourceInfo.unknown("sim"), null, a));
                        producer.send(new ProducerRecord<>(s.updatesTopic(), a.id(), value));
                        published.add(a.id() + "@" + (t0 + step) * 1000);
                    }
                    producer.flush();
                    Thread.sleep(25);
                }
            }
            KafkaRig.await(
                    "every position stored",
                    Duration.ofSeconds(60),
                    () -> db.count("SELECT count(*) FROM positions") >= published.size());
            KafkaRig.await("the survivor caught up", Duration.ofSeconds(30), () -> survivorMetrics.lag() == 0);
            survivor.close();
            doomed.close();

            Set<String> stored = new HashSet<>(db.jdbc.queryForList(
                    "SELECT id || '@' || (extract(epoch FROM time) * 1000)::bigint FROM positions", String.class));
            assertThat(stored).as("none missing, none extra").isEqualTo(published);
            assertThat(db.count("SELECT count(*) FROM positions"))
                    .as("none twice")
                    .isEqualTo(published.size());
            assertThat(survivorMetrics.handledCount())
                    .as("the survivor took over the doomed member's partitions")
                    .isGreaterThan(published.size() / 2.0);
            assertThat(written(doomedRows) + written(survivorRows))
                    .as("the killed member's last write was delivered again and merged, not stored twice")
                    .isGreaterThan(published.size());
        }
    }

    static double written(SimpleMeterRegistry meters) {
        return meters.get("skysentinel.history.rows.written")
                .tag("table", "positions")
                .counter()
                .count();
    }

    static HistoryWriter writer(TestDatabase db, SimpleMeterRegistry meters) {
        HistorySettings settings = TestDatabase.settings(1_000, 10_000, Duration.ofMillis(50));
        return db.writer(settings, meters);
    }
}
