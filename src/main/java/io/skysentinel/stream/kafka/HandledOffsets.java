package io.skysentinel.stream.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history consumer's offsets of records that were handled but are not committed yet: committed after each
 * handled poll, and on a rebalance for the partitions that are leaving. A commit that fails (a rebalance under way)
 * keeps them for the next try; what is never committed is redelivered, which the idempotent handler absorbs.
 * Consumer thread only.
 */
final class HandledOffsets {

    private static final Logger log = LoggerFactory.getLogger(HandledOffsets.class);

    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    void handled(Map<TopicPartition, OffsetAndMetadata> next) {
        uncommitted.putAll(next);
    }

    void commit(Consumer<?, ?> c) {
        if (uncommitted.isEmpty()) return;
        try {
            c.commitSync(uncommitted);
            uncommitted.clear();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.debug("Offset commit failed (will retry): {}", e.toString());
        }
    }

    /** On revocation: commits what was handled of the partitions that leave, while they are still ours. */
    void commitLeaving(Consumer<?, ?> c, Collection<TopicPartition> revoked) {
        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
        for (TopicPartition p : revoked) {
            OffsetAndMetadata o = uncommitted.remove(p);
            if (o != null) leaving.put(p, o);
        }
        if (leaving.isEmpty()) return;
        try {
            c.commitSync(leaving);
        } catch (KafkaException e) {
            log.warn("Could not commit handled offsets of revoked partitions (they are redelivered): {}", e.toString());
        }
    }

    /** Partitions lost without a revocation (the session expired) can no longer be committed. */
    void forget(Collection<TopicPartition> lost) {
        lost.forEach(uncommitted::remove);
    }
}
