package io.skysentinel.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The adapter between the aircraft hub's update stream (a hub follower: its bounded queue and drop metric are the
 * hub's, {@code follower="alerts"}) and the {@link AlertEvaluator}: every upsert and removal in order, then the events
 * analytics produced meanwhile. Idle rounds sweep expired cooldowns.
 */
public final class AlertFollower implements UpdateHandler<Aircraft> {

    private static final long SWEEP_EVERY_MS = 60_000;

    private final AlertEvaluator evaluator;
    private final EventInbox events;
    private final Function<String, Aircraft> latest;
    private long lastSweepNs = System.nanoTime();

    public AlertFollower(
            AlertEvaluator evaluator, EventInbox events, Function<String, Aircraft> latest, MeterRegistry meters) {
        this.evaluator = evaluator;
        this.events = events;
        this.latest = latest;
        Gauge.builder("skysentinel.alerts.tracked", evaluator, AlertEvaluator::tracked)
                .description("Aircraft whose alert episodes are kept")
                .register(meters);
        Gauge.builder("skysentinel.alerts.tracked.evicted", evaluator, AlertEvaluator::evicted)
                .description("Aircraft forgotten beyond ALERTS_MAX_TRACKED, since start")
                .register(meters);
    }

    @Override
    public void handle(List<Update<Aircraft>> updates) {
        for (Update<Aircraft> u : updates) {
            switch (u) {
                case Update.Upsert<Aircraft> up -> evaluator.upsert(up.state());
                case Update.Removal<Aircraft> rm -> evaluator.remove(rm.state());
            }
        }
        drainEvents();
    }

    @Override
    public void lost(long count, Collection<Aircraft> picture) {
        evaluator.resync(picture);
    }

    @Override
    public void idle() {
        drainEvents();
        if (System.nanoTime() - lastSweepNs > SWEEP_EVERY_MS * 1_000_000) {
            evaluator.sweep();
            lastSweepNs = System.nanoTime();
        }
    }

    private void drainEvents() {
        if (events == null) return;
        for (AlertEvent e : events.drain()) evaluator.event(e, latest.apply(e.id()));
    }
}
