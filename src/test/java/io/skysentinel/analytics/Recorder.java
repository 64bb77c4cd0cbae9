package io.skysentinel.analytics;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import io.skysentinel.core.RemovalReason;
import java.util.ArrayList;
import java.util.List;

/** An engine with default settings and the built-in airports, recording what it emits. */
public final class Recorder implements AnalyticsListener {

    public final List<Movement> movements = new ArrayList<>();
    public final List<AnomalyEvent> events = new ArrayList<>();
    public final AnalyticsEngine engine;

    public Recorder() {
        this(AnalyticsSettings.defaults());
    }

    public Recorder(AnalyticsSettings settings) {
        engine = new AnalyticsEngine(io.skysentinel.analytics.airports.CatalogAirportIndex.builtIn(), settings);
    }

    public Recorder send(States.Builder... states) {
        for (States.Builder s : states) engine.observe(s.build(), this);
        return this;
    }

    public Recorder send(Aircraft a) {
        engine.observe(a, this);
        return this;
    }

    public Recorder remove(String id) {
        engine.removed(id, RemovalReason.STALE, this);
        return this;
    }

    public List<AnomalyEvent> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Override
    public void onMovement(Movement movement) {
        movements.add(movement);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        events.add(event);
    }
}
