package io.skysentinel.stream.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every partition of one topic assigned to a consumer by hand (no group: every instance sees every record), positioned
 * at the beginning or the end, with the end offsets noted at that moment. Reading a compacted topic from the
 * beginning up to those offsets is what "caught up" means for the hubs' follower of flights.state and for a new
 * leader's scan of the ids live on it; the same rewind serves both, and the tails of flights.status and
 * flights.events.
 */
final class AssignedTopic {

    private static final Logger log = LoggerFactory.getLogger(AssignedTopic.class);

    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> target;

    private AssignedTopic(List<TopicPartition> partitions, Map<TopicPartition, Long> target) {
        this.partitions = partitions;
        this.target = target;
    }

    /** Assigns every partition and seeks to the beginning; throws when the topic is unknown within the timeout. */
    static AssignedTopic fromStart(Consumer<?, ?> c, String topic, Duration timeout) {
        List<TopicPartition> parts = partitions(c, topic, timeout);
        c.assign(parts);
        c.seekToBeginning(parts);
        return new AssignedTopic(parts, c.endOffsets(parts));
    }

    /** Assigns every partition and seeks to the end: only what is published from now on. */
    static AssignedTopic fromEnd(Consumer<?, ?> c, String topic, Duration timeout) {
        List<TopicPartition> parts = partitions(c, topic, timeout);
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position); // resolves the end now: what is published after this call is read
        return new AssignedTopic(parts, c.endOffsets(parts));
    }

    /** {@link #fromStart}, retried every second while the topic is missing and {@code keepTrying} holds. */
    static AssignedTopic awaitFromStart(Consumer<?, ?> c, String topic, BooleanSupplier keepTrying) {
        return await(c, topic, true, keepTrying);
    }

    /** {@link #fromStart} or {@link #fromEnd}, retried every second while the topic is missing. */
    static AssignedTopic await(Consumer<?, ?> c, String topic, boolean fromStart, BooleanSupplier keepTrying) {
        while (keepTrying.getAsBoolean()) {
            try {
                Duration wait = Duration.ofSeconds(10);
                return fromStart ? fromStart(c, topic, wait) : fromEnd(c, topic, wait);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("Waiting for topic {}: {}", topic, e.toString());
                pause();
            }
        }
        throw new WakeupException(); // stopping
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<TopicPartition> partitions(Consumer<?, ?> c, String topic, Duration timeout) {
        var infos = c.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty())
            throw new IllegalStateException("topic " + topic + " has no partitions (yet)");
        return infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    /** Records up to the end offsets noted at the start. */
    long targetRecords() {
        return target.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True once the consumer's position has reached the end offsets noted at the start, on every partition. */
    boolean reached(Consumer<?, ?> c) {
        for (var e : target.entrySet()) if (c.position(e.getKey()) < e.getValue()) return false;
        return true;
    }

    /** Records on the topic not yet read (the consumer's lag), summed over the partitions. */
    long behind(Consumer<?, ?> c) {
        long sum = 0;
        for (TopicPartition p : partitions) sum += c.currentLag(p).orElse(0);
        return sum;
    }
}
