package io.skysentinel.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default bus: a bounded queue drained by one daemon thread that hands each batch to every subscriber in order.
 * Live sources never wait on the hub: when the queue is full the oldest batch is dropped and counted (a newer batch
 * from the same source supersedes most of what it carried). A replay's batches wait for room instead.
 */
public final class InMemoryFlightBus implements FlightBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InMemoryFlightBus.class);

    private final BlockingQueue<SourceBatch> queue;
    private final List<Consumer<SourceBatch>> subscribers = new CopyOnWriteArrayList<>();
    private final Counter published, dropped, failed;
    private final Thread dispatcher;
    private final AtomicInteger undelivered = new AtomicInteger(); // queued or being handed to the subscribers
    private volatile boolean running = true;

    public InMemoryFlightBus(int capacity, MeterRegistry meters) {
        if (capacity < 1) throw new IllegalArgumentException("skysentinel.bus.capacity must be >= 1");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.published = Counter.builder("skysentinel.bus.batches")
                .tag("outcome", "published")
                .register(meters);
        this.dropped = Counter.builder("skysentinel.bus.batches")
                .tag("outcome", "dropped")
                .description("Batches dropped because the bus queue was full")
                .register(meters);
        this.failed = Counter.builder("skysentinel.bus.batches")
                .tag("outcome", "subscriber_failed")
                .register(meters);
        Gauge.builder("skysentinel.bus.queue.depth", queue, BlockingQueue::size).register(meters);
        this.dispatcher = Thread.ofPlatform().name("flight-bus").daemon().unstarted(this::dispatch);
        dispatcher.start();
    }

    @Override
    public boolean publish(SourceBatch batch) {
        if (batch.backpressure()) return publishWaiting(batch);
        boolean keptAll = true;
        undelivered.incrementAndGet();
        while (!queue.offer(batch)) {
            if (queue.poll() != null) {
                undelivered.decrementAndGet();
                dropped.increment();
                keptAll = false;
            }
        }
        published.increment();
        return keptAll;
    }

    /** A replayed batch waits for room rather than pushing an older batch out. */
    private boolean publishWaiting(SourceBatch batch) {
        undelivered.incrementAndGet();
        try {
            queue.put(batch);
            published.increment();
            return true;
        } catch (InterruptedException e) {
            undelivered.decrementAndGet();
            Thread.currentThread().interrupt(); // the source is stopping
            return false;
        }
    }

    @Override
    public void subscribe(Consumer<SourceBatch> subscriber) {
        subscribers.add(subscriber);
    }

    private void dispatch() {
        while (running) {
            SourceBatch batch;
            try {
                batch = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) continue;
            for (Consumer<SourceBatch> s : subscribers) {
                try {
                    s.accept(batch);
                } catch (RuntimeException e) {
                    // One failing subscriber must not stop delivery to the others or kill the thread.
                    failed.increment();
                    log.error("Bus subscriber failed on a batch from {}", batch.source(), e);
                }
            }
            undelivered.decrementAndGet();
        }
    }

    /**
     * Waits until every batch published so far has been handed to the subscribers, at most {@code timeout}: a
     * Kafka ingest leader stepping down stops its sources, waits for this, and only then sends its last updates.
     *
     * @return false on timeout
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (undelivered.get() > 0) {
            if (System.nanoTime() > deadline || !running) return false;
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
    }
}
