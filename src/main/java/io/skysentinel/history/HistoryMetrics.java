package io.skysentinel.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * The history writer's meters (docs/history.md#metrics). The queue in front of the writer is the hub follower's:
 * {@code skysentinel.hub.follower.*{follower="history"}} (depth, lag, dropped).
 */
final class HistoryMetrics {

    final Counter positionsWritten, legsWritten, plansWritten, analyticsWritten, failures;
    final Timer flush;

    HistoryMetrics(
            MeterRegistry meters,
            AnalyticsRecorder analytics,
            PositionCopier copier,
            FlightPlans plans,
            Supplier<Long> lagMs,
            Supplier<Boolean> up) {
        positionsWritten = written(meters, "positions");
        legsWritten = written(meters, "flights");
        plansWritten = written(meters, "flight_plans");
        FunctionCounter.builder("skysentinel.history.flight_plans.evicted", plans, FlightPlans::evicted)
                .description(
                        "Flights whose last flight plan was forgotten (bound reached); their next state rewrites it")
                .register(meters);
        FunctionCounter.builder("skysentinel.history.rows.dropped", plans, FlightPlans::dropped)
                .tag("buffer", "flight_plans")
                .description("Rows dropped, oldest first, because the writer buffer was full")
                .register(meters);
        analyticsWritten = written(meters, "movements_events");
        failures = Counter.builder("skysentinel.history.write.failures")
                .description("Writes that failed (database unreachable or refused); the same updates are retried")
                .register(meters);
        flush = Timer.builder("skysentinel.history.flush")
                .description("Time to write one batch of positions")
                .publishPercentileHistogram()
                .register(meters);
        FunctionCounter.builder("skysentinel.history.copy.conflicts", copier, PositionCopier::conflicts)
                .description("Batches that repeated a stored position and were merged through the staging table")
                .register(meters);
        FunctionCounter.builder("skysentinel.history.rows.dropped", analytics, AnalyticsRecorder::dropped)
                .tag("buffer", "movements_events")
                .description("Rows dropped, oldest first, because the writer buffer was full")
                .register(meters);
        Gauge.builder("skysentinel.history.buffer.size", analytics, AnalyticsRecorder::buffered)
                .tag("buffer", "movements_events")
                .description("Rows waiting to be written")
                .register(meters);
        Gauge.builder("skysentinel.history.writer.lag", lagMs, s -> s.get())
                .baseUnit("milliseconds")
                .description("Data time between the newest position received and the newest written")
                .register(meters);
        Gauge.builder("skysentinel.history.database.up", up, s -> s.get() ? 1 : 0)
                .description("1 when the last write succeeded")
                .register(meters);
    }

    private static Counter written(MeterRegistry meters, String table) {
        return Counter.builder("skysentinel.history.rows.written")
                .tag("table", table)
                .description("Rows written to the history database")
                .register(meters);
    }
}
