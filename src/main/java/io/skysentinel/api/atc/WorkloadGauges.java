package io.skysentinel.api.atc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.LiveHub;
import java.time.Duration;
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
    List<BusiestPositions.Busy> busiest() {
        List<BusiestPositions.Busy> all = BusiestPositions.rank(
                workload,
                BusiestPositions.pilots(aircraft.snapshot().entities()),
                atc.snapshot().entities());
        return all.size() > top ? List.copyOf(all.subList(0, top)) : all;
    }

    void refresh() {
        try {
            List<BusiestPositions.Busy> rows = busiest();
            now.register(
                    rows.stream()
                            .map(r -> MultiGauge.Row.of(Tags.of("callsign", r.callsign()), r.aircraft()))
                            .toList(),
                    true);
            forecast.register(
                    rows.stream()
                            .map(r -> MultiGauge.Row.of(
                                    Tags.of("callsign", r.callsign(), "horizon", "30m"), r.expected30Min()))
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
