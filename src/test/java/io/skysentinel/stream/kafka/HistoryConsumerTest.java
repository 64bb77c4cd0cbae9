package io.skysentinel.stream.kafka;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history consumer's commit and retry rules without a broker: Kafka's MockConsumer holds the records and the
 * committed offsets, and rebalances are simulated, so each case is deterministic.
 */
class HistoryConsumerTest {

    final KafkaSettings settings = KafkaSettings.of("mock:9092");
    final TopicPartition p0 = new TopicPartition(settings.updatesTopic(), 0);
    final TopicPartition p1 = new TopicPartition(settings.updatesTopic(), 1);
    final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    final MockProducer<String, byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Handler handler = new Handler();
    HistoryConsumer history;

    /** Records what it is handed; throws while {@code failures} is above zero, as a writer with its database down. */
    static final class Handler implements UpdateHandler<Aircraft> {
        final List<List<Update<Aircraft>>> calls = new ArrayList<>();
        int failures, idles;

        @Override
        public void handle(List<Update<Aircraft>> updates) throws Exception {
            calls.add(updates);
            if (failures > 0) {
                failures--;
                throw new java.sql.SQLException("database down");
            }
        }

        @Override
        public void idle() {
            idles++;
        }
    }

    @BeforeEach
    void join() {
        history = new HistoryConsumer(
                settings,
                () -> consumer,
                handler,
                new UpdateRecords(KafkaRig.CODEC, new DeadLetters(settings, deadLetterProducer, meters)),
                new ConsumerMetrics(meters),
                Duration.ofMillis(1),
                Duration.ofMillis(4));
        history.join(consumer);
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.rebalance(List.of(p0, p1));
    }

    long offset0, offset1;

    void update(TopicPartition p, Aircraft a) {
        add(
                p,
                a.id(),
                KafkaRig.CODEC.encode(
                        Envelope.of(Envelope.FLIGHT_UPDATE, Instant.now(), SourceInfo.unknown("sim"), null, a)));
    }

    void removal(TopicPartition p, Aircraft a) {
        add(
                p,
                a.id(),
                KafkaRig.CODEC.encode(Envelope.of(
                        Envelope.FLIGHT_REMOVAL,
                        Instant.now(),
                        SourceInfo.unknown("sim"),
                        RemovalReason.LEFT_FEED,
                        a)));
    }

    void add(TopicPartition p, String key, byte[] value) {
        long offset = p.partition() == 0 ? offset0++ : offset1++;
        consumer.addRecord(new ConsumerRecord<>(p.topic(), p.partition(), offset, key, value));
    }

    long committed(TopicPartition p) {
        var c = consumer.committed(Set.of(p)).get(p);
        return c == null ? -1 : c.offset();
    }

    @Test
    void eachPollIsHandedOverPerPartitionInOrderAndCommittedOnlyAfterTheHandlerReturned() {
        update(p0, plane("a00001").seen(100).build());
        update(p0, plane("a00001").at(41, -73).seen(101).build());
        removal(p1, plane("b00001").seen(90).build());
        assertThat(history.round()).isTrue();

        List<Update<Aircraft>> got = handler.calls.getFirst();
        List<Update<Aircraft>> p0Updates =
                got.stream().filter(u -> u.id().equals("a00001")).toList();
        assertThat(p0Updates).extracting(Update::seq).containsExactly(0L, 1L);
        assertThat(p0Updates).extracting(u -> u.state().lastContactUnix()).containsExactly(100L, 101L);
        assertThat(got)
                .filteredOn(u -> u.id().equals("b00001"))
                .singleElement()
                .isInstanceOfSatisfying(
                        Update.Removal.class, r -> assertThat(r.reason()).isEqualTo(RemovalReason.LEFT_FEED));
        assertThat(committed(p0)).isEqualTo(2);
        assertThat(committed(p1)).isEqualTo(1);
        assertThat(meters.get("skysentinel.kafka.history.records").counter().count())
                .isEqualTo(3);
    }

    @Test
    void aFailingHandlerGetsTheSameListAgainAndNothingIsCommittedUntilItReturns() {
        handler.failures = 2;
        update(p0, plane("a00001").seen(100).build());
        assertThat(history.round()).isFalse();
        assertThat(history.failing()).isTrue();
        assertThat(committed(p0)).isEqualTo(-1);
        assertThat(consumer.paused()).as("resumed after the backoff").isEmpty();
        assertThat(history.round()).isFalse();
        assertThat(history.round()).isTrue();
        assertThat(handler.calls).hasSize(3);
        assertThat(handler.calls.get(1)).isSameAs(handler.calls.get(0));
        assertThat(handler.calls.get(2)).isSameAs(handler.calls.get(0));
        assertThat(committed(p0)).isEqualTo(1);
        assertThat(history.failing()).isFalse();
        assertThat(meters.get("skysentinel.kafka.history.failures").counter().count())
                .isEqualTo(2);
    }

    @Test
    void aRebalanceDuringTheBackoffDropsTheListAndRewindsThePartitionsKept() {
        update(p0, plane("a00001").seen(100).build());
        assertThat(history.round()).isTrue(); // offset 0 of p0 handled and committed
        update(p0, plane("a00001").seen(101).build());
        update(p1, plane("b00001").seen(101).build());
        handler.failures = 1;
        consumer.scheduleNopPollTask(); // the round's own poll reads the two records
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(p0))); // p1 moves to another member mid-backoff
        assertThat(history.round()).isFalse();
        assertThat(consumer.position(p0))
                .as("rewound to the first record of the dropped list")
                .isEqualTo(1);
        assertThat(committed(p1))
                .as("nothing of p1 was handled, nothing committed for it")
                .isEqualTo(-1);
        assertThat(meters.get("skysentinel.kafka.history.rebalance.drops")
                        .counter()
                        .count())
                .isEqualTo(1);

        offset0 = 1; // the broker delivers p0 from offset 1 again
        update(p0, plane("a00001").seen(101).build());
        assertThat(history.round()).isTrue();
        List<Update<Aircraft>> again = handler.calls.getLast();
        assertThat(again)
                .isNotSameAs(handler.calls.get(1))
                .extracting(Update::id)
                .containsExactly("a00001");
        assertThat(committed(p0)).isEqualTo(2);
    }

    @Test
    void anInvalidRecordIsDeadLetteredAndCommittedPastWithoutReachingTheHandler() {
        add(p0, "a00001", "{not json".getBytes(StandardCharsets.UTF_8));
        add(p0, "a00002", null);
        update(p0, plane("a00003").seen(100).build());
        assertThat(history.round()).isTrue();
        assertThat(handler.calls.getFirst()).extracting(Update::id).containsExactly("a00003");
        assertThat(committed(p0)).isEqualTo(3);
        assertThat(deadLetterProducer.history())
                .extracting(r ->
                        new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .containsExactly("not_json", "null_value");
    }

    @Test
    void nothingToReadIsIdleTime() {
        assertThat(history.round()).isFalse();
        assertThat(handler.idles).isEqualTo(1);
        assertThat(handler.calls).isEmpty();
        assertThat(history.ready()).as("joined: it was assigned partitions").isTrue();
    }
}
