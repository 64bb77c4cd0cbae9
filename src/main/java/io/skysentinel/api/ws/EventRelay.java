package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Takes anomaly events from the analytics thread into a bounded queue that the broadcaster drains every tick and sends
 * to every client as {@code event} frames. The analytics thread never waits: when the queue is full the event is
 * dropped and counted (a burst that large means something upstream is wrong, not that browsers need all of it).
 */
final class EventRelay implements AnalyticsListener {

    private final ArrayBlockingQueue<AnomalyEvent> queue;
    private final Counter dropped;

    EventRelay(int capacity, MeterRegistry meters) {
        if (capacity < 1) throw new IllegalArgumentException("skysentinel.ws.event-queue must be >= 1");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("skysentinel.ws.events.dropped")
                .description("Anomaly events not pushed because the push queue was full")
                .register(meters);
        Gauge.builder("skysentinel.ws.events.queued", queue, ArrayBlockingQueue::size)
                .register(meters);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        if (!queue.offer(event)) dropped.increment();
    }

    /** Everything queued so far, oldest first. */
    List<AnomalyEvent> drain() {
        List<AnomalyEvent> out = new ArrayList<>(queue.size());
        queue.drainTo(out);
        return out;
    }
}
