package io.skysentinel.stream.kafka;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.UpdateHandler;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history role's reader of flights.updates: a member of the history consumer group (so it gets some partitions,
 * and the role scales by partitions), handing each poll's records, per partition in order, as updates to a handler
 * ({@link UpdateRecords}), and committing their offsets only once the handler returned. A handler that throws (the
 * database is down) gets the same list again after a backoff, with nothing committed; the consumer keeps polling with
 * its partitions paused meanwhile, so it stays in the group. On a rebalance it commits what was handled and drops the
 * list in flight (partitions it keeps are rewound to it); a redelivered record is harmless, the handler is idempotent.
 */
public final class HistoryConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryConsumer.class);
    private static final long POLL_MS = 200;

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> members;
    private final UpdateHandler<Aircraft> handler;
    private final UpdateRecords records;
    private final ConsumerMetrics metrics;
    private final long firstBackoffMs, maxBackoffMs;
    private final HandledOffsets offsets = new HandledOffsets();
    private UpdateRecords.Batch inFlight; // consumer thread only
    private long backoffMs;
    private final ConsumerThread loop = new ConsumerThread("kafka-history");
    private volatile boolean closed, joined, failing;
    private volatile Consumer<String, byte[]> consumer;

    public HistoryConsumer(
            KafkaSettings settings,
            Supplier<Consumer<String, byte[]>> members,
            UpdateHandler<Aircraft> handler,
            UpdateRecords records,
            ConsumerMetrics metrics,
            Duration firstBackoff,
            Duration maxBackoff) {
        this.topic = settings.updatesTopic();
        this.members = members;
        this.handler = handler;
        this.records = records;
        this.metrics = metrics;
        this.firstBackoffMs = firstBackoff.toMillis();
        this.maxBackoffMs = maxBackoff.toMillis();
    }

    public HistoryConsumer start() {
        loop.start(this::run);
        return this;
    }

    private void run() {
        try (Consumer<String, byte[]> c = members.get()) {
            join(c);
            while (loop.running()) {
                try {
                    round();
                } catch (WakeupException e) {
                    if (loop.running()) throw e;
                } catch (KafkaException e) {
                    metrics.errors.increment();
                    log.warn("History consumer error (retrying): {}", e.toString());
                    ConsumerThread.pause(1000);
                }
            }
            offsets.commit(c);
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("History consumer stopped", e);
        }
    }

    /** Subscribes {@code c} (tests drive {@link #round} on a mock consumer themselves). */
    void join(Consumer<String, byte[]> c) {
        consumer = c;
        loop.attach(c);
        c.subscribe(List.of(topic), new Rebalance());
    }

    /** One round: poll and hand over, or retry the list in flight. @return true when the handler returned */
    boolean round() throws WakeupException {
        Consumer<String, byte[]> c = consumer;
        if (inFlight == null) {
            ConsumerRecords<String, byte[]> polled = c.poll(Duration.ofMillis(POLL_MS));
            metrics.lag(c);
            if (polled.isEmpty()) {
                idle();
                return false;
            }
            inFlight = records.batch(polled);
        }
        UpdateRecords.Batch b = inFlight;
        try {
            if (!b.updates().isEmpty()) handler.handle(b.updates());
        } catch (Exception e) {
            failed(c, e);
            return false;
        }
        if (failing) log.info("History handler is handling updates again");
        failing = false;
        backoffMs = 0;
        metrics.handled.increment(b.updates().size());
        inFlight = null;
        offsets.handled(b.next());
        offsets.commit(c);
        return true;
    }

    private void idle() {
        try {
            handler.idle();
        } catch (Exception e) {
            log.debug("History handler idle work failed: {}", e.toString());
        }
    }

    /** Backs off with the partitions paused, polling so the group keeps us; a rebalance may drop the list meanwhile. */
    private void failed(Consumer<String, byte[]> c, Exception e) {
        metrics.failures.increment();
        if (!failing)
            log.warn(
                    "History handler failed; retrying the same {} updates with backoff: {}",
                    inFlight.updates().size(),
                    e.toString());
        failing = true;
        backoffMs = backoffMs == 0 ? firstBackoffMs : Math.min(maxBackoffMs, backoffMs * 2);
        long until = System.nanoTime() + backoffMs * 1_000_000;
        c.pause(c.assignment());
        try {
            while (!closed && inFlight != null && System.nanoTime() < until) {
                long pollMs = Math.min(POLL_MS, Math.max(1, backoffMs));
                ConsumerRecords<String, byte[]> stray = c.poll(Duration.ofMillis(pollMs));
                // partitions assigned during the wait are not paused: give their records back for later
                for (TopicPartition p : stray.partitions())
                    c.seek(p, stray.records(p).getFirst().offset());
                c.pause(c.assignment());
            }
        } finally {
            Set<TopicPartition> paused = new HashSet<>(c.paused());
            paused.retainAll(c.assignment()); // a partition revoked meanwhile cannot be resumed
            c.resume(paused);
        }
    }

    /** Runs inside poll, on the consumer thread. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            offsets.commitLeaving(consumer, revoked);
            dropInFlight(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            offsets.forget(lost);
            dropInFlight(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            joined = true;
            if (!assigned.isEmpty()) log.info("History consumer assigned {}", assigned);
        }
    }

    /** Forgets the list in flight; partitions this member keeps are rewound so its records come again. */
    private void dropInFlight(Collection<TopicPartition> gone) {
        if (inFlight == null) return;
        for (Map.Entry<TopicPartition, Long> e : inFlight.first().entrySet()) {
            boolean kept = !gone.contains(e.getKey()) && consumer.assignment().contains(e.getKey());
            if (kept) consumer.seek(e.getKey(), e.getValue());
        }
        inFlight = null;
        metrics.dropped.increment();
    }

    /** True once this member has joined the group (it may own no partition when there are more members than them). */
    public boolean ready() {
        return joined;
    }

    /** True while the handler fails (the database is unreachable): updates wait on the topic. */
    public boolean failing() {
        return failing;
    }

    /** Stops after the current round (committing what was handled) and leaves the group. */
    @Override
    public void close() {
        closed = true;
        loop.stop(Duration.ofSeconds(30));
    }
}
