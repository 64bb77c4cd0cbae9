package io.skysentinel.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.util.Collection;
import java.util.List;

/**
 * Feeds the {@link AnalyticsEngine} from the update stream: every accepted state and every removal (with its reason),
 * in order, on the one thread that drives this handler (a hub follower in one process, the flights.updates consumer in
 * the Kafka history role), so the engine needs no locks and never sees a state twice or misses one. When the follower
 * lost updates, the engine catches up from the hub's picture; the states it had already seen are skipped, so no event
 * repeats.
 */
public final class AnalyticsRunner implements UpdateHandler<Aircraft> {

    private final AnalyticsEngine engine;
    private final AnalyticsListener out;
    private final Counter resyncs, removals;

    public AnalyticsRunner(AnalyticsEngine engine, List<AnalyticsListener> listeners, MeterRegistry meters) {
        this.engine = engine;
        this.out = new ListenerFanOut(listeners, meters);
        this.resyncs = Counter.builder("skysentinel.analytics.resyncs")
                .description("Catch-ups from the hub's picture after the analytics queue lost updates")
                .register(meters);
        this.removals = Counter.builder("skysentinel.analytics.removals")
                .description("Removal notices processed")
                .register(meters);
        FunctionCounter.builder("skysentinel.analytics.states", engine, AnalyticsEngine::processed)
                .description("Aircraft states run through the detectors")
                .register(meters);
        FunctionCounter.builder("skysentinel.analytics.skipped", engine, AnalyticsEngine::duplicates)
                .description("States skipped as not newer than the aircraft's last (catch-up repeats, redelivery)")
                .register(meters);
        FunctionCounter.builder("skysentinel.analytics.evictions", engine, AnalyticsEngine::evictions)
                .description("Aircraft forgotten because max-tracked was reached")
                .register(meters);
        FunctionCounter.builder("skysentinel.analytics.gap.resets", engine, AnalyticsEngine::gapResets)
                .description("Aircraft whose detectors restarted after a silence longer than max-gap")
                .register(meters);
        Gauge.builder("skysentinel.analytics.tracked", engine, AnalyticsEngine::tracked)
                .description("Aircraft the detectors hold state for")
                .register(meters);
    }

    @Override
    public void handle(List<Update<Aircraft>> updates) {
        for (Update<Aircraft> u : updates) {
            switch (u) {
                case Update.Upsert<Aircraft> up -> engine.observe(up.state(), out);
                case Update.Removal<Aircraft> r -> {
                    engine.removed(r.id(), r.reason(), out);
                    removals.increment();
                }
            }
        }
    }

    @Override
    public void lost(long count, Collection<Aircraft> picture) {
        resyncs.increment();
        engine.resync(picture, out);
    }
}
