package io.skysentinel.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.DroppingQueue;
import io.skysentinel.core.Movement;
import java.util.List;

/**
 * Takes anomaly events and movements from the analytics thread into a bounded queue that the alert follower drains
 * (so event rules run on the same thread as the state rules). The analytics thread never waits: a full queue drops
 * and counts.
 */
public final class EventInbox implements AnalyticsListener {

    private final DroppingQueue<AlertEvent> queue;

    public EventInbox(int capacity, MeterRegistry meters) {
        this.queue = new DroppingQueue<>(
                capacity,
                "skysentinel.alerts.event-queue",
                "skysentinel.alerts.events",
                "Analytics events not evaluated by alert rules because their queue was full",
                meters);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        queue.offer(AlertEvent.of(event));
    }

    @Override
    public void onMovement(Movement movement) {
        queue.offer(AlertEvent.of(movement));
    }

    List<AlertEvent> drain() {
        return queue.drain();
    }
}
