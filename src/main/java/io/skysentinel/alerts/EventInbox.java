package io.skysentinel.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Takes anomaly events and movements from the analytics thread into a bounded queue that the alert follower drains
 * (so event rules run on the same thread as the state rules). The analytics thread never waits: a full queue drops
 * and counts.
 */
public final class EventInbox implements AnalyticsListener {

    private final ArrayBlockingQueue<AlertEvent> queue;
    private final Counter dropped;

    public EventInbox(int capacity, MeterRegistry meters) {
        if (capacity < 1) throw new IllegalArgumentException("skysentinel.alerts.event-queue must be >= 1");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("skysentinel.alerts.events.dropped")
                .description("Analytics events not evaluated by alert rules because their queue was full")
                .register(meters);
        Gauge.builder("skysentinel.alerts.events.queued", queue, ArrayBlockingQueue::size)
                .register(meters);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        if (!queue.offer(AlertEvent.of(event))) dropped.increment();
    }

    @Override
    public void onMovement(Movement movement) {
        if (!queue.offer(AlertEvent.of(movement))) dropped.increment();
    }

    List<AlertEvent> drain() {
        if (queue.isEmpty()) return List.of();
        List<AlertEvent> out = new ArrayList<>(queue.size());
        queue.drainTo(out);
        return out;
    }
}
