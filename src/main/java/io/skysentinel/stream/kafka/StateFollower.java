package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.hub.StreamedChange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serving hub's feed: reads flights.state from the beginning (every partition, assigned by hand, no consumer
 * group, so every hub instance sees every record), applies upserts and tombstones to the hub, then keeps tailing.
 * It is {@link #ready()} once it has reached the end offsets taken when it started: before that its picture is
 * incomplete and /health says so. An invalid record is dead-lettered and skipped, never retried, so it cannot stall
 * the feed.
 */
public final class StateFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateFollower.class);

    private final KafkaSettings settings;
    private final LiveHub<Aircraft> hub;
    private final EnvelopeCodec codec;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Counter applied, failures;
    private final Timer lag;
    private final ConsumerThread loop = new ConsumerThread("kafka-follower");
    private volatile boolean ready;
    private volatile long behind;

    public StateFollower(
            KafkaSettings settings,
            LiveHub<Aircraft> hub,
            EnvelopeCodec codec,
            Supplier<Consumer<String, byte[]>> consumers,
            DeadLetters deadLetters,
            Clock clock,
            MeterRegistry meters) {
        this.settings = settings;
        this.hub = hub;
        this.codec = codec;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.applied = Counter.builder("skysentinel.kafka.follower.records")
                .description("flights.state records applied to this hub")
                .register(meters);
        this.failures = Counter.builder("skysentinel.kafka.follower.errors")
                .description("Consumer errors (retried)")
                .register(meters);
        this.lag = Timer.builder("skysentinel.kafka.follower.lag")
                .description("Record timestamp to applied on this hub")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("skysentinel.kafka.follower.behind", this, f -> f.behind)
                .description("Records on flights.state not yet read")
                .register(meters);
        Gauge.builder("skysentinel.kafka.follower.ready", this, f -> f.ready ? 1 : 0)
                .description("1 once caught up with flights.state")
                .register(meters);
    }

    public void start() {
        loop.start(this::run);
    }

    /** True once caught up with the end offsets seen at start (KafkaRoles reports it as this instance's readiness). */
    public boolean ready() {
        return ready;
    }

    public long behind() {
        return behind;
    }

    private void run() {
        try (Consumer<String, byte[]> c = consumers.get()) {
            loop.attach(c);
            AssignedTopic topic = AssignedTopic.awaitFromStart(c, settings.stateTopic(), loop::running);
            log.info(
                    "Following {}: {} partition(s), catching up to {} record(s)",
                    settings.stateTopic(),
                    topic.partitions().size(),
                    topic.targetRecords());
            while (loop.running()) {
                try {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                    apply(records);
                    if (!ready && topic.reached(c)) {
                        ready = true;
                        log.info("Caught up with {}: {} aircraft", settings.stateTopic(), hub.size());
                    }
                    behind = topic.behind(c);
                } catch (WakeupException e) {
                    if (loop.running()) throw e;
                } catch (RuntimeException e) {
                    failures.increment();
                    log.warn("Kafka follower error (retrying): {}", e.toString());
                    ConsumerThread.pause(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Kafka follower stopped", e);
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) return;
        List<StreamedChange<Aircraft>> changes = new ArrayList<>(records.count());
        long newest = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            newest = Math.max(newest, r.timestamp());
            if (r.value() == null) {
                if (r.key() != null) changes.add(StreamedChange.removal(r.key(), r.timestamp()));
                continue;
            }
            try {
                Envelope e = codec.decode(r.key(), r.value(), Envelope.STATE_TOPIC);
                changes.add(StreamedChange.upsert(e.payload(), e.producedAtMs()));
            } catch (InvalidEnvelopeException e) {
                deadLetters.reject(r, e);
            }
        }
        hub.applyStream(changes);
        applied.increment(changes.size());
        if (newest > 0) lag.record(Duration.ofMillis(Math.max(0, clock.millis() - newest)));
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(10));
    }
}
