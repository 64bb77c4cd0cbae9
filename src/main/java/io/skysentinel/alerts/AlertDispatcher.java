package io.skysentinel.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.LogThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluators' {@link AlertSink}: a bounded queue (full: the alert is dropped and counted) drained by one thread
 * that writes each batch to the fired-alert log, hands every alert to the live listeners (the WebSocket push) and to
 * the webhook delivery. So the evaluators never wait for the database or a receiver.
 */
public final class AlertDispatcher implements AlertSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final ArrayBlockingQueue<Alert> queue;
    private final RuleBook book;
    private final AlertStore store;
    private final DeliveryStatus status;
    private final WebhookDelivery webhooks;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final Counter dropped, dispatched;
    private final LogThrottle throttle;
    private final Thread thread;
    private volatile boolean running = true;

    public AlertDispatcher(
            int capacity,
            RuleBook book,
            AlertStore store,
            DeliveryStatus status,
            WebhookDelivery webhooks,
            Clock clock,
            MeterRegistry meters) {
        if (capacity < 1) throw new IllegalArgumentException("skysentinel.alerts.queue-capacity must be >= 1");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.book = book;
        this.store = store;
        this.status = status;
        this.webhooks = webhooks;
        this.throttle = new LogThrottle(clock, Duration.ofMinutes(1));
        this.dropped = Counter.builder("skysentinel.alerts.dropped")
                .description("Alerts not dispatched because the dispatch queue was full")
                .register(meters);
        this.dispatched = Counter.builder("skysentinel.alerts.fired")
                .description("Alerts fired or ended and dispatched")
                .register(meters);
        Gauge.builder("skysentinel.alerts.queued", queue, ArrayBlockingQueue::size)
                .register(meters);
        this.thread = Thread.ofPlatform().name("alerts-dispatch").daemon().unstarted(this::run);
    }

    public AlertDispatcher start() {
        thread.start();
        return this;
    }

    /** A listener of every dispatched alert (the WebSocket relay); called on the dispatch thread, must not block. */
    public void listen(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(Alert alert) {
        if (!queue.offer(alert)) dropped.increment();
    }

    private void run() {
        List<Alert> batch = new ArrayList<>();
        while (running) {
            try {
                Alert first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, 499);
                dispatch(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (throttle.admit("dispatch") >= 0) log.warn("Alert dispatch failed: {}", e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Visible for the tests that run without the thread. */
    void dispatch(List<Alert> batch) {
        List<AlertStore.FiredAlert> rows = new ArrayList<>(batch.size());
        List<String> bodies = new ArrayList<>(batch.size());
        for (Alert a : batch) {
            String body = AlertBodies.json(a);
            bodies.add(body);
            rows.add(new AlertStore.FiredAlert(a.id(), a.ruleId(), a.kind().wire(), a.subject(), a.firedAtMs(), body));
        }
        try {
            store.recordFired(rows);
        } catch (RuntimeException e) {
            if (throttle.admit("fired-log") >= 0) log.warn("Fired alerts not logged: {}", e.toString());
        }
        for (int i = 0; i < batch.size(); i++) {
            Alert a = batch.get(i);
            dispatched.increment();
            status.fired(a.ruleId());
            for (Consumer<Alert> l : listeners) l.accept(a);
            CompiledRule r = book.index().rule(a.ruleId());
            if (r != null) webhooks.submit(r.rule(), a, bodies.get(i));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
