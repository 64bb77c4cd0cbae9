package io.skysentinel.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets fired alerts and dead letters older than ALERTS_RETENTION_DAYS, once an hour (and once soon after start):
 * without it {@code alert_fired} grew for as long as the server ran, while the positions beside it are dropped by
 * day partition after HISTORY_RETENTION_DAYS, which it defaults to. Rules are never aged out.
 */
public final class AlertRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final AlertStore store;
    private final Duration keep;
    private final Clock clock;
    private final Counter forgotten;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alerts-retention").daemon().factory());

    public AlertRetention(AlertStore store, int retentionDays, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.keep = Duration.ofDays(retentionDays);
        this.clock = clock;
        this.forgotten = Counter.builder("skysentinel.alerts.retention.forgotten")
                .description("Fired alerts and dead letters forgotten past ALERTS_RETENTION_DAYS")
                .register(meters);
    }

    public AlertRetention start() {
        timer.scheduleWithFixedDelay(this::runOnce, 1, EVERY.toMinutes() * 60, TimeUnit.SECONDS);
        return this;
    }

    /** One pass; a failing database is logged and tried again at the next pass. */
    long runOnce() {
        try {
            long n = store.forgetBefore(clock.millis() - keep.toMillis());
            forgotten.increment(n);
            if (n > 0) log.info("Alerts: forgot {} fired alerts and dead letters older than {}", n, keep);
            return n;
        } catch (RuntimeException e) {
            log.warn("Alerts: retention pass failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
