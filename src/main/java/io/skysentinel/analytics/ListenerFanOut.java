package io.skysentinel.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each result to every listener, counting results by kind; a listener that throws is logged and counted and
 * does not keep the others (or the detectors) from running.
 */
final class ListenerFanOut implements AnalyticsListener {

    private static final Logger log = LoggerFactory.getLogger(ListenerFanOut.class);

    private final List<AnalyticsListener> listeners;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter failures;

    ListenerFanOut(List<AnalyticsListener> listeners, MeterRegistry meters) {
        this.listeners = List.copyOf(listeners);
        this.meters = meters;
        this.failures = Counter.builder("skysentinel.analytics.listener.failures")
                .description("Listener calls that threw (the result was still given to the other listeners)")
                .register(meters);
    }

    @Override
    public void onMovement(Movement movement) {
        count("skysentinel.analytics.movements", movement.kind().name().toLowerCase(Locale.ROOT));
        log.debug("Movement {}", movement);
        for (AnalyticsListener l : listeners) {
            try {
                l.onMovement(movement);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        count("skysentinel.analytics.events", event.kind());
        // Lost contacts and jumps are data-quality signals that world-wide coverage produces by the hundred: DEBUG.
        boolean noisy = event.kind().equals("lost_contact") || event.kind().equals("impossible_jump");
        if (noisy ? log.isDebugEnabled() : log.isInfoEnabled()) {
            String line = "Anomaly " + event.kind() + " " + event.id() + " (" + event.callsign() + ") at " + event.lat()
                    + "," + event.lon() + " " + event.details();
            if (noisy) log.debug(line);
            else log.info(line);
        }
        for (AnalyticsListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    private void count(String name, String kind) {
        counters.computeIfAbsent(
                        name + '|' + kind,
                        k -> Counter.builder(name).tag("kind", kind).register(meters))
                .increment();
    }

    private void failed(AnalyticsListener l, RuntimeException e) {
        failures.increment();
        log.warn("Analytics listener {} failed", l.getClass().getName(), e);
    }
}
