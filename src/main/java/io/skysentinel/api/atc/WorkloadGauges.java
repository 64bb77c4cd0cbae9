package io.skysentinel.api.atc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.skysentinel.analytics.workload.Forecast;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.analytics.workload.WorkloadArea;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.LiveHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus gauges of the busiest staffed positions: {@code skysentinel_atc_workload_aircraft{callsign}} (aircraft
 * in the area now) and {@code skysentinel_atc_workload_forecast{callsign,horizon="30m"}} (arrivals, departures and
 * overflights expected within 30 min). Label cardinality is bounded: only the {@code top} busiest positions have a
 * series, recomputed every {@code every} (a feed interval); a position that drops out of them loses its series.
 */
public final class WorkloadGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkloadGauges.class);

    private final LiveHub<Aircraft> aircraft;
    private final LiveHub<AtcPosition> atc;
    private final Workload workload;
    private final int top;
    private final MultiGauge now;
    private final MultiGauge forecast;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("atc-workload-gauges").daemon().factory());

    record Row(String callsign, int aircraft, double forecast30) {}

    public WorkloadGauges(
            LiveHub<Aircraft> aircraft,
            LiveHub<AtcPosition> atc,
            Workload workload,
            MeterRegistry meters,
            int top,
            Duration every) {
        this.aircraft = aircraft;
        this.atc = atc;
        this.workload = workload;
        this.top = top;
        this.now = MultiGauge.builder("skysentinel.atc.workload.aircraft")
                .description("aircraft in a staffed position's area now (the busiest positions only)")
                .register(meters);
        this.forecast = MultiGauge.builder("skysentinel.atc.workload.forecast")
                .description("arrivals, departures and overflights expected in the area within 30 min")
                .register(meters);
        thread.scheduleWithFixedDelay(this::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The busiest {@code top} positions of this picture, busiest first. */
    List<Row> busiest() {
        List<Aircraft> pilots = aircraft.snapshot().entities().stream()
                .filter(a -> a.vatsim() != null)
                .toList();
        List<Row> rows = new ArrayList<>();
        for (AtcPosition p : atc.snapshot().entities()) {
            WorkloadArea area = workload.area(p);
            if (area.isNone()) continue;
            Forecast f = workload.forecast(area, pilots, 30);
            double expected = f.arrivals().value()
                    + f.departures().value()
                    + f.overflights().value();
            rows.add(new Row(
                    p.callsign(), workload.now(p.callsign(), area, pilots).total(), expected));
        }
        rows.sort(Comparator.comparingInt(Row::aircraft).reversed().thenComparing(Row::callsign));
        return rows.size() > top ? List.copyOf(rows.subList(0, top)) : rows;
    }

    void refresh() {
        try {
            List<Row> rows = busiest();
            now.register(
                    rows.stream()
                            .map(r -> MultiGauge.Row.of(Tags.of("callsign", r.callsign()), r.aircraft()))
                            .toList(),
                    true);
            forecast.register(
                    rows.stream()
                            .map(r -> MultiGauge.Row.of(
                                    Tags.of("callsign", r.callsign(), "horizon", "30m"), r.forecast30()))
                            .toList(),
                    true);
        } catch (RuntimeException e) {
            log.warn("ATC workload gauges not refreshed: {}", e.toString()); // next refresh tries again
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
