package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.Changes;
import io.skysentinel.hub.LiveHub;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The ingest leader's half of the bus: every tick it asks its own hub what changed since the last tick (as the
 * WebSocket broadcaster does) and publishes each upsert as a flight_state on flights.state plus a flight_update on
 * flights.updates, and each removal as a tombstone on flights.state. Staleness is therefore decided once, here.
 *
 * <p>A failed send (the producer gave up after its delivery timeout) marks the next tick as a full republish, so a
 * hub never keeps a picture the stream has lost; hubs apply repeats harmlessly.
 */
public final class StatePublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatePublisher.class);

    private final KafkaSettings settings;
    private final LiveHub<Aircraft> hub;
    private final EnvelopeCodec codec;
    private final Function<String, SourceInfo> sources;
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final long staleMs;
    private final Counter states, updates, tombstones, failed, republishes;
    private final Set<String> published = new HashSet<>(); // ids live on flights.state as far as we know; bounded by the hub's size
    private Set<String> inheritedGhosts = Set.of();         // ids a previous leader left; tombstoned if our hub never sees them
    private long ghostDeadlineMs;
    private long cursor;
    private volatile boolean republish;
    private ScheduledExecutorService ticker;

    public StatePublisher(KafkaSettings settings, LiveHub<Aircraft> hub, EnvelopeCodec codec, Function<String, SourceInfo> sources,
                          Producer<String, byte[]> producer, Clock clock, long staleMs, MeterRegistry meters) {
        this.settings = settings;
        this.hub = hub;
        this.codec = codec;
        this.sources = sources;
        this.producer = producer;
        this.clock = clock;
        this.staleMs = staleMs;
        this.states = sent(meters, "state");
        this.updates = sent(meters, "update");
        this.tombstones = sent(meters, "tombstone");
        this.failed = Counter.builder("skysentinel.kafka.publish.failed")
                .description("Records the producer gave up on (the next tick republishes the whole picture)").register(meters);
        this.republishes = Counter.builder("skysentinel.kafka.publish.republishes")
                .description("Whole-picture republishes after a failed send or a hub resync").register(meters);
    }

    private static Counter sent(MeterRegistry meters, String kind) {
        return Counter.builder("skysentinel.kafka.published").tag("kind", kind)
                .description("Records handed to the Kafka producer, by kind").register(meters);
    }

    /**
     * Starts publishing the hub's changes from now on.
     *
     * @param liveOnTopic ids that flights.state holds a live state for (left by an earlier leader): any of them the
     *                    hub has not seen within the stale threshold gets a tombstone, so nothing lingers forever
     */
    public synchronized void start(Set<String> liveOnTopic) {
        if (ticker != null) return;
        prepare(liveOnTopic);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("kafka-publisher").daemon().unstarted(r));
        long every = settings.publishInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Takes over the topic's live ids and starts from the hub's current sequence number (no ticker; tests tick by hand). */
    synchronized void prepare(Set<String> liveOnTopic) {
        published.clear();
        published.addAll(liveOnTopic);
        inheritedGhosts = new HashSet<>(liveOnTopic);
        ghostDeadlineMs = clock.millis() + staleMs;
        cursor = hub.seq();
    }

    private void tickSafely() {
        try {
            publishOnce();
        } catch (RuntimeException e) {
            // e.g. send() timed out waiting for buffer space: try the whole picture again next tick
            republish = true;
            log.warn("Kafka publish tick failed; will republish the whole picture: {}", e.toString());
        }
    }

    /** One tick: publishes what changed since the last one. @return records handed to the producer */
    public synchronized int publishOnce() {
        boolean full = republish;
        republish = false;
        Changes<Aircraft> c = full ? hub.changesSince(Long.MAX_VALUE) : hub.changesSince(cursor); // MAX_VALUE forces a resync
        int n = 0;
        String producedAt = clock.instant().toString();
        Set<String> present = null;
        if (c.resync()) {
            republishes.increment();
            present = new HashSet<>();
            for (Aircraft a : c.upserts()) present.add(a.id());
        }
        for (Aircraft a : c.upserts()) {
            SourceInfo info = sources.apply(a.source());
            send(settings.stateTopic(), a.id(), codec.encode(new Envelope(Envelope.SCHEMA_VERSION, Envelope.FLIGHT_STATE, producedAt, info, a)), states);
            send(settings.updatesTopic(), a.id(), codec.encode(new Envelope(Envelope.SCHEMA_VERSION, Envelope.FLIGHT_UPDATE, producedAt, info, a)), updates);
            published.add(a.id());
            n += 2;
        }
        List<String> removals = c.removals();
        if (present != null) {
            Set<String> gone = new HashSet<>(published);
            gone.removeAll(present);
            // aircraft inherited from a previous leader keep their grace period (sweepGhosts decides at its deadline)
            gone.removeAll(inheritedGhosts);
            removals = List.copyOf(gone);
        }
        for (String id : removals) {
            send(settings.stateTopic(), id, null, tombstones);
            published.remove(id);
            n++;
        }
        n += sweepGhosts();
        cursor = c.seq();
        return n;
    }

    private int sweepGhosts() {
        if (inheritedGhosts.isEmpty() || clock.millis() < ghostDeadlineMs) return 0;
        int n = 0;
        for (String id : inheritedGhosts) {
            if (hub.get(id) == null && published.remove(id)) {
                send(settings.stateTopic(), id, null, tombstones);
                n++;
            }
        }
        inheritedGhosts = Set.of();
        return n;
    }

    private void send(String topic, String key, byte[] value, Counter counter) {
        producer.send(new ProducerRecord<>(topic, key, value), (meta, error) -> {
            if (error != null) {
                failed.increment();
                republish = true;
                log.warn("Kafka send to {} failed for {}: {}", topic, key, error.toString());
            }
        });
        counter.increment();
    }

    /** Stops the ticker and flushes what is in flight. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        producer.flush();
    }
}
