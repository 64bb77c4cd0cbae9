package io.skysentinel.api.ws;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.alerts.Alert;
import io.skysentinel.core.DroppingQueue;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes alerts from the alert dispatcher's thread into a bounded queue the broadcaster drains every tick and sends as
 * {@code alert} frames to the clients that subscribed to their rule (or to all). The dispatcher never waits: a full
 * queue drops and counts.
 */
final class AlertRelay implements Consumer<Alert> {

    private final DroppingQueue<Alert> queue;

    AlertRelay(int capacity, MeterRegistry meters) {
        this.queue = new DroppingQueue<>(
                capacity,
                "skysentinel.alerts.ws-queue",
                "skysentinel.ws.alerts",
                "Alerts not pushed because the push queue was full",
                meters);
    }

    @Override
    public void accept(Alert alert) {
        queue.offer(alert);
    }

    List<Alert> drain() {
        return queue.drain();
    }
}
