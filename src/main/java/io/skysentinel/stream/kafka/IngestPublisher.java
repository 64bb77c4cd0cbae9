package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import io.skysentinel.hub.Follower;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest leader's records. flights.updates gets every update of the hub, in hub order, from a follower of its own
 * (every accepted state a {@code flight_update}, every removal a {@code flight_removal} with its reason and the last
 * state): the key is the flight's id, so a partition keeps each flight's order. flights.state only needs the newest
 * state, so each {@link #tick} publishes the latest per id since the last one, and a tombstone for a removal. A state's
 * payload is serialised once; its update and state records carry the same bytes.
 *
 * <p>The whole picture is republished on flights.state after a failed send and after the follower lost updates (its
 * queue overflowed), so a hub never keeps a picture the stream has lost. An update the producer gave up on, or one
 * the queue dropped, is lost for flights.updates: counted, not repaired (docs/kafka.md#guarantees). {@link #pump} and
 * {@link #tick} run on one thread, the {@link PublisherLoop}'s, or a test's.
 */
public final class IngestPublisher {

    private static final Logger log = LoggerFactory.getLogger(IngestPublisher.class);
    static final String FOLLOWER = "kafka";
    static final int TAKE_MAX = 10_000;

    /** The newest change of one flight since the last tick: its state and payload, or null for a removal. */
    private record Latest(Aircraft state, byte[] payload) {}

    private final KafkaSettings settings;
    private final LiveHub<Aircraft> hub;
    private final EnvelopeCodec codec;
    private final Function<String, SourceInfo> sources;
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final long staleMs;
    private final Follower<Aircraft> queue;
    private final PublishMetrics metrics;
    private final StateTopicLedger ledger = new StateTopicLedger();
    private final Map<String, Latest> latest = new LinkedHashMap<>();
    private volatile boolean republish;
    private long stateSkipUpTo = -1; // updates up to this hub seq are in the last republished picture

    public IngestPublisher(
            KafkaSettings settings,
            LiveHub<Aircraft> hub,
            EnvelopeCodec codec,
            Function<String, SourceInfo> sources,
            Producer<String, byte[]> producer,
            Clock clock,
            long staleMs,
            MeterRegistry meters) {
        this.settings = settings;
        this.hub = hub;
        this.codec = codec;
        this.sources = sources;
        this.producer = producer;
        this.clock = clock;
        this.staleMs = staleMs;
        this.queue = hub.follow(FOLLOWER, settings.publishQueue());
        this.metrics = new PublishMetrics(meters, queue);
    }

    /**
     * A new term as leader. What the queue still holds was accepted after the last term's final drain: discarded and
     * counted, since a later leader has published since.
     *
     * @param liveOnTopic ids that flights.state holds a live state for (left by an earlier leader)
     */
    public void prepare(Set<String> liveOnTopic) {
        for (Follower.Taken<Aircraft> t = take(0); !t.updates().isEmpty(); t = take(0))
            metrics.droppedAfterTerm.increment(t.updates().size());
        ledger.takeOver(liveOnTopic, clock.millis() + staleMs);
        latest.clear();
        republish = false;
        stateSkipUpTo = -1;
    }

    private Follower.Taken<Aircraft> take(long waitMs) {
        try {
            return queue.take(TAKE_MAX, waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Follower.Taken<>(java.util.List.of(), 0);
        }
    }

    /** Sends what the follower holds (waiting up to {@code waitMs} for it) to flights.updates. @return updates */
    public int pump(long waitMs) {
        Follower.Taken<Aircraft> t = take(waitMs);
        if (t.lost() > 0) {
            log.warn(
                    "The Kafka publisher's queue dropped {} updates; republishing the picture on {}",
                    t.lost(),
                    settings.stateTopic());
            metrics.republishLost.increment();
            republish = true;
        }
        if (t.updates().isEmpty()) return 0;
        Instant now = Instant.ofEpochMilli(clock.millis());
        for (Update<Aircraft> u : t.updates()) {
            Aircraft a = u.state();
            byte[] payload = codec.payload(a);
            SourceInfo info = sources.apply(a.source());
            boolean forState = u.seq() > stateSkipUpTo;
            switch (u) {
                case Update.Upsert<Aircraft> up -> {
                    send(
                            settings.updatesTopic(),
                            a.id(),
                            codec.wrap(Envelope.FLIGHT_UPDATE, now, info, null, payload),
                            metrics.updates,
                            metrics.updateFailed);
                    if (forState) latest.put(a.id(), new Latest(a, payload));
                }
                case Update.Removal<Aircraft> r -> {
                    byte[] value = codec.wrap(Envelope.FLIGHT_REMOVAL, now, info, r.reason(), payload);
                    send(settings.updatesTopic(), a.id(), value, metrics.removals, metrics.updateFailed);
                    if (forState) latest.put(a.id(), new Latest(a, null));
                }
            }
        }
        return t.updates().size();
    }

    /** Publishes the latest state per flight since the last tick (or the whole picture), then settles inheritance. */
    public int tick() {
        int n = 0;
        if (republish) {
            republish = false;
            n += republishPicture();
        } else {
            Instant now = Instant.ofEpochMilli(clock.millis());
            for (Map.Entry<String, Latest> e : latest.entrySet()) {
                Latest l = e.getValue();
                if (l.payload() == null) tombstone(e.getKey());
                else sendState(now, l.state(), l.payload());
                n++;
            }
        }
        latest.clear();
        for (String id : ledger.expiredInheritance(clock.millis(), id -> hub.get(id) != null)) {
            tombstone(id);
            n++;
        }
        return n;
    }

    /** The hub's whole picture as flight_state records, and tombstones for what it no longer holds. */
    private int republishPicture() {
        HubSnapshot<Aircraft> snap = hub.snapshot();
        Instant now = Instant.ofEpochMilli(clock.millis());
        Set<String> present = new HashSet<>();
        for (Aircraft a : snap.entities()) {
            present.add(a.id());
            sendState(now, a, codec.payload(a));
        }
        int n = present.size();
        for (String id : ledger.goneFrom(present)) {
            tombstone(id);
            n++;
        }
        // queued updates up to this picture's seq would put older states after it on the compacted topic
        stateSkipUpTo = snap.seq();
        return n;
    }

    private void sendState(Instant now, Aircraft a, byte[] payload) {
        byte[] value = codec.wrap(Envelope.FLIGHT_STATE, now, sources.apply(a.source()), null, payload);
        send(settings.stateTopic(), a.id(), value, metrics.states, metrics.stateFailed);
        ledger.published(a.id());
    }

    private void tombstone(String id) {
        send(settings.stateTopic(), id, null, metrics.tombstones, metrics.stateFailed);
        ledger.tombstoned(id);
    }

    private void send(String topic, String key, byte[] value, Counter sent, Counter failed) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (meta, error) -> {
                if (error != null) failedSend(topic, key, failed, error);
            });
            sent.increment();
        } catch (RuntimeException e) {
            failedSend(topic, key, failed, e); // e.g. no buffer space within max.block.ms
        }
    }

    private void failedSend(String topic, String key, Counter failed, Exception error) {
        failed.increment();
        if (!republish) metrics.republishFailed.increment();
        republish = true;
        log.warn("Kafka send to {} failed for {}: {}", topic, key, error.toString());
    }

    /** Hands everything in flight to the broker (the end of a term). */
    public void flush() {
        producer.flush();
    }

    /** Updates waiting in the queue. */
    int queued() {
        return queue.depth();
    }

    boolean republishPending() {
        return republish;
    }
}
