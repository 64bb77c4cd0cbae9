package io.skysentinel.api.ws;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.DroppingQueue;
import java.util.List;

/**
 * Takes anomaly events from the analytics thread into a bounded queue that the broadcaster drains every tick and sends
 * to every client as {@code event} frames. The analytics thread never waits: when the queue is full the event is
 * dropped and counted (a burst that large means something upstream is wrong, not that browsers need all of it).
 */
final class EventRelay implements AnalyticsListener {

    private final DroppingQueue<AnomalyEvent> queue;

    EventRelay(int capacity, MeterRegistry meters) {
        this.queue = new DroppingQueue<>(
                capacity,
                "skysentinel.ws.event-queue",
                "skysentinel.ws.events",
                "Anomaly events not pushed because the push queue was full",
                meters);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        queue.offer(event);
    }

    /** Everything queued so far, oldest first. */
    List<AnomalyEvent> drain() {
        return queue.drain();
    }
}
