package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.alerts.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * Takes alerts from the alert dispatcher's thread into a bounded queue the broadcaster drains every tick and sends as
 * {@code alert} frames to the clients that subscribed to their rule (or to all). The dispatcher never waits: a full
 * queue drops and counts.
 */
final class AlertRelay implements Consumer<Alert> {

    private final ArrayBlockingQueue<Alert> queue;
    private final Counter dropped;

    AlertRelay(int capacity, MeterRegistry meters) {
        if (capacity < 1) throw new IllegalArgumentException("skysentinel.alerts.ws-queue must be >= 1");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("skysentinel.ws.alerts.dropped")
                .description("Alerts not pushed because the push queue was full")
                .register(meters);
        Gauge.builder("skysentinel.ws.alerts.queued", queue, ArrayBlockingQueue::size)
                .register(meters);
    }

    @Override
    public void accept(Alert alert) {
        if (!queue.offer(alert)) dropped.increment();
    }

    List<Alert> drain() {
        if (queue.isEmpty()) return List.of();
        List<Alert> out = new ArrayList<>(queue.size());
        queue.drainTo(out);
        return out;
    }
}
