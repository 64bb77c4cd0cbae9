package io.skysentinel.stream.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The thread a consumer loop runs on, and how it stops: the loop runs while {@link #running()}; stopping clears that,
 * wakes the consumer out of a blocking poll (it throws a WakeupException there) and joins the thread. One of these
 * per follower, tail, history member and election member.
 */
final class ConsumerThread {

    private final String name;
    private volatile boolean running;
    private volatile Consumer<?, ?> consumer;
    private Thread thread;

    ConsumerThread(String name) {
        this.name = name;
    }

    /** Starts {@code loop} on a daemon thread; false when it already runs. */
    synchronized boolean start(Runnable loop) {
        if (running) return false;
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(loop);
        return true;
    }

    boolean running() {
        return running;
    }

    /** The consumer to wake when stopping (set by the loop once it has one). */
    void attach(Consumer<?, ?> c) {
        consumer = c;
    }

    /** Stops the loop and waits at most {@code join} for its thread to end. */
    void stop(Duration join) {
        running = false;
        Consumer<?, ?> c = consumer;
        if (c != null) c.wakeup();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) return;
        try {
            t.join(join.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps between retries; an interrupt ends the sleep and stays set. */
    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
