package io.skysentinel.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The election's reaction to assignments, on Kafka's MockConsumer: elected, deposed (the partition revoked, as after a
 * long pause), and elected again without a restart.
 */
class IngestLeadershipTest {

    final KafkaSettings settings = KafkaSettings.of("mock:9092");
    final TopicPartition p0 = new TopicPartition(settings.coordinationTopic(), 0);
    final List<String> actions = new CopyOnWriteArrayList<>();

    /** A mock member whose poll waits a little, as a real one does, instead of spinning. */
    static final class PacedMember extends MockConsumer<String, byte[]> {
        PacedMember() {
            super("latest");
        }

        @Override
        public ConsumerRecords<String, byte[]> poll(Duration timeout) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.poll(timeout);
        }
    }

    @Test
    void aDeposedLeaderStandsByAndLeadsAgainWhenItIsAssignedThePartitionAgain() throws Exception {
        PacedMember member = new PacedMember();
        try (IngestLeadership leadership = new IngestLeadership(
                settings,
                () -> member,
                () -> actions.add("elected"),
                () -> actions.add("deposed"),
                new SimpleMeterRegistry())) {
            leadership.start();
            member.schedulePollTask(() -> member.rebalance(List.of(p0)));
            await(() -> actions.size() == 1);
            assertThat(leadership.leader()).isTrue();

            member.schedulePollTask(() -> member.rebalance(List.of())); // another member got it
            await(() -> actions.size() == 2);
            assertThat(leadership.leader()).isFalse();
            assertThat(member.closed()).as("still in the group, as a standby").isFalse();

            member.schedulePollTask(() -> member.rebalance(List.of(p0)));
            await(() -> actions.size() == 3);
            assertThat(leadership.leader()).isTrue();
            assertThat(leadership.terms()).isEqualTo(2);
        }
        assertThat(actions).containsExactly("elected", "deposed", "elected", "deposed"); // closing steps down
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
    }
}
