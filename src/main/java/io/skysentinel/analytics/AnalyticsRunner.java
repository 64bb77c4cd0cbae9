package io.skysentinel.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.hub.Changes;
import io.skysentinel.hub.LiveHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the live picture like the WebSocket push does: every poll interval it asks the hub what changed since the
 * last sequence number it saw and feeds removals, then upserts, to the {@link AnalyticsEngine} on its own single
 * thread (so the engine needs no locks and the bus thread never waits for analytics). A resync (the hub could not
 * answer exactly) hands the engine the whole picture, which skips states it has already seen: no repeated events.
 */
public final class AnalyticsRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRunner.class);

    private final LiveHub hub;
    private final AnalyticsEngine engine;
    private final AnalyticsListener out;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("analytics").daemon().factory());
    private final Counter resyncs, removals;
    private long lastSeq;

    public AnalyticsRunner(LiveHub hub, AnalyticsEngine engine, List<AnalyticsListener> listeners, MeterRegistry meters) {
        this.hub = hub;
        this.engine = engine;
        this.out = new ListenerFanOut(listeners, meters);
        this.resyncs = Counter.builder("skysentinel.analytics.resyncs").description("Whole-picture catch-ups from the hub").register(meters);
        this.removals = Counter.builder("skysentinel.analytics.removals").description("Removal notices processed").register(meters);
        FunctionCounter.builder("skysentinel.analytics.states", engine, AnalyticsEngine::processed)
                .description("Aircraft states run through the detectors").register(meters);
        FunctionCounter.builder("skysentinel.analytics.skipped", engine, AnalyticsEngine::duplicates)
                .description("States skipped as not newer than the aircraft's last (resync repeats)").register(meters);
        FunctionCounter.builder("skysentinel.analytics.evictions", engine, AnalyticsEngine::evictions)
                .description("Aircraft forgotten because max-tracked was reached").register(meters);
        FunctionCounter.builder("skysentinel.analytics.gap.resets", engine, AnalyticsEngine::gapResets)
                .description("Aircraft whose detectors restarted after a silence longer than max-gap").register(meters);
        Gauge.builder("skysentinel.analytics.tracked", engine, AnalyticsEngine::tracked)
                .description("Aircraft the detectors hold state for").register(meters);
    }

    /** Starts polling on the analytics thread. */
    public AnalyticsRunner start(Duration pollInterval) {
        long ms = pollInterval.toMillis();
        thread.scheduleWithFixedDelay(this::guardedTick, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    private void guardedTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.error("Analytics tick failed", e); // scheduleWithFixedDelay stops a task that throws
        }
    }

    /** One poll: everything that changed since the last one. Package-visible for tests that drive it directly. */
    void tick() {
        Changes c = hub.changesSince(lastSeq);
        if (c.seq() == lastSeq && !c.resync()) return;
        if (c.resync()) {
            resyncs.increment();
            engine.resync(c.upserts(), out);
        } else {
            for (String icao24 : c.removals()) engine.removed(icao24, out);
            removals.increment(c.removals().size());
            for (Aircraft a : c.upserts()) engine.observe(a, out);
        }
        lastSeq = c.seq();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
