package io.skysentinel.stream.kafka;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns one poll of flights.updates into updates: a {@code flight_update} becomes an upsert, a {@code flight_removal}
 * a removal with its reason and last state; the sequence number is the record's offset. Partition by partition, each
 * in offset order, so every flight's updates stay in the order the ingest leader published them. A record that is not
 * a valid envelope is dead-lettered and its offset counts as handled: it can never stall the consumer.
 */
public final class UpdateRecords {

    /**
     * @param updates the valid records' updates, per partition in order
     * @param next    per partition, the offset to commit once they are handled (the last offset + 1)
     * @param first   per partition, the first offset of the poll (where to rewind when the batch is dropped)
     */
    record Batch(
            List<Update<Aircraft>> updates,
            Map<TopicPartition, OffsetAndMetadata> next,
            Map<TopicPartition, Long> first) {}

    private final EnvelopeCodec codec;
    private final DeadLetters deadLetters;

    public UpdateRecords(EnvelopeCodec codec, DeadLetters deadLetters) {
        this.codec = codec;
        this.deadLetters = deadLetters;
    }

    Batch batch(ConsumerRecords<String, byte[]> polled) {
        List<Update<Aircraft>> updates = new ArrayList<>(polled.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition p : polled.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = polled.records(p);
            for (ConsumerRecord<String, byte[]> r : records) {
                Update<Aircraft> u = update(r);
                if (u != null) updates.add(u);
            }
            first.put(p, records.getFirst().offset());
            next.put(p, new OffsetAndMetadata(records.getLast().offset() + 1));
        }
        return new Batch(updates, next, first);
    }

    /** The record's update, or null when it was dead-lettered. */
    Update<Aircraft> update(ConsumerRecord<String, byte[]> r) {
        try {
            Envelope e = codec.decode(r.key(), r.value(), Envelope.UPDATES_TOPIC);
            return Envelope.FLIGHT_REMOVAL.equals(e.type())
                    ? new Update.Removal<>(r.offset(), e.payload(), e.reason())
                    : new Update.Upsert<>(r.offset(), e.payload());
        } catch (InvalidEnvelopeException e) {
            deadLetters.reject(r, e);
            return null;
        }
    }
}
