package io.skysentinel.stream.kafka;

import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest leader's publishing thread for one term: pumps the hub's updates to flights.updates as they come, ticks
 * flights.state every publish interval and sends the heartbeat every heartbeat interval. Started when this instance
 * is elected and stopped when it is deposed; stopping drains what the hub accepted before it (the sources are stopped
 * first), so a clean hand-over loses no update. A new term may start after a stop.
 */
public final class PublisherLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublisherLoop.class);
    private static final long MAX_WAIT_MS = 200;

    private final IngestPublisher publisher;
    private final IngestHeartbeat heartbeat;
    private final Clock clock;
    private final long tickMs, beatMs;
    private volatile boolean running;
    private Thread thread;

    public PublisherLoop(KafkaSettings settings, IngestPublisher publisher, IngestHeartbeat heartbeat, Clock clock) {
        this.publisher = publisher;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.tickMs = settings.publishInterval().toMillis();
        this.beatMs = settings.heartbeatInterval().toMillis();
    }

    /** Starts a term. @param liveOnTopic the ids flights.state holds live (see {@link IngestPublisher#prepare}) */
    public synchronized void start(Set<String> liveOnTopic) {
        if (running) return;
        publisher.prepare(liveOnTopic);
        running = true;
        thread = Thread.ofPlatform().name("kafka-publisher").daemon().start(this::run);
    }

    private void run() {
        long nextTick = clock.millis();
        // the first beat after one interval: the sources start right after the loop, and a beat before that would
        // report them as stopped to every serve instance
        long nextBeat = nextTick + beatMs;
        while (running) {
            try {
                long now = clock.millis();
                publisher.pump(Math.max(0, Math.min(MAX_WAIT_MS, Math.min(nextTick, nextBeat) - now)));
                now = clock.millis();
                if (now >= nextTick) {
                    publisher.tick();
                    nextTick = now + tickMs;
                }
                if (now >= nextBeat) {
                    heartbeat.beat();
                    nextBeat = now + beatMs;
                }
            } catch (RuntimeException e) {
                log.warn("Kafka publisher round failed (retrying): {}", e.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean running() {
        return running;
    }

    /** Ends the term: stops the thread, then sends what the hub accepted until now and flushes the producer. */
    public synchronized void stop() {
        if (!running) return;
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int drained = 0;
        for (int n = publisher.pump(0); n > 0; n = publisher.pump(0)) drained += n;
        publisher.tick();
        publisher.flush();
        log.info("Kafka publisher stopped; {} queued update(s) sent on the way out", drained);
    }

    @Override
    public void close() {
        stop();
    }
}
