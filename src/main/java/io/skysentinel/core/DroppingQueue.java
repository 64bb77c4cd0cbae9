package io.skysentinel.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A bounded hand-over from a thread that must never wait (analytics, alert evaluation) to one that drains it on its
 * own schedule (the push broadcaster, the alert evaluator): a full queue drops what is offered and counts it, and a
 * gauge shows how much is waiting. The relays of events and alerts differ only in their names and settings.
 */
public final class DroppingQueue<T> {

    private final ArrayBlockingQueue<T> queue;
    private final Counter dropped;

    /**
     * @param setting  the setting that sized it, named in the error for a capacity below 1
     * @param meter    the meter prefix: {@code <meter>.dropped} counts drops, {@code <meter>.queued} is the gauge
     * @param dropNote what a drop means, for the counter's description
     */
    public DroppingQueue(int capacity, String setting, String meter, String dropNote, MeterRegistry meters) {
        if (capacity < 1) throw new IllegalArgumentException(setting + " must be >= 1");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder(meter + ".dropped").description(dropNote).register(meters);
        Gauge.builder(meter + ".queued", queue, ArrayBlockingQueue::size).register(meters);
    }

    /** Queues {@code item}, or drops and counts it when the queue is full. */
    public void offer(T item) {
        if (!queue.offer(item)) dropped.increment();
    }

    /** Everything queued so far, oldest first. */
    public List<T> drain() {
        if (queue.isEmpty()) return List.of();
        List<T> out = new ArrayList<>(queue.size());
        queue.drainTo(out);
        return out;
    }
}
