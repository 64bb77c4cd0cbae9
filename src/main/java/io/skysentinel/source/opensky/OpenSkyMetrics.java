package io.skysentinel.source.opensky;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The source's meters. Every outcome counter is registered up front, so dashboards show a 0 rather than nothing
 * before the first failure.
 */
final class OpenSkyMetrics {

    static final String SOURCE = "opensky";

    private final Map<PollOutcome, Counter> polls = new EnumMap<>(PollOutcome.class);
    private final Timer latency;
    private final Counter bodyErrors;
    private final Counter rowErrors;
    private final Counter recordDropped;

    /** What the gauges read; called from the metrics scraper's thread, so it must be thread-safe. */
    interface CreditGauges {
        long remaining();

        long used();

        int perRequest();

        double pollIntervalSeconds();
    }

    OpenSkyMetrics(MeterRegistry meters, CreditGauges gauges) {
        for (PollOutcome o : PollOutcome.values()) {
            polls.put(
                    o,
                    Counter.builder("skysentinel.source.polls")
                            .description("Upstream requests by outcome")
                            .tag("source", SOURCE)
                            .tag("outcome", o.tag())
                            .register(meters));
        }
        latency = Timer.builder("skysentinel.source.poll.latency")
                .description("Time for one upstream request")
                .tag("source", SOURCE)
                .publishPercentileHistogram()
                .register(meters);
        bodyErrors = parseErrors(meters, "body");
        rowErrors = parseErrors(meters, "row");
        recordDropped = Counter.builder("skysentinel.opensky.record.dropped")
                .description("Bodies not written to the recording (bound reached or write failed)")
                .register(meters);
        gauge(meters, "skysentinel.opensky.credits.remaining", () -> gauges.remaining());
        gauge(meters, "skysentinel.opensky.credits.used", () -> gauges.used());
        gauge(meters, "skysentinel.opensky.credits.per_request", () -> gauges.perRequest());
        gauge(meters, "skysentinel.opensky.poll.interval.seconds", gauges::pollIntervalSeconds);
    }

    private static Counter parseErrors(MeterRegistry meters, String kind) {
        return Counter.builder("skysentinel.source.parse.errors")
                .description("Malformed bodies and skipped rows")
                .tag("source", SOURCE)
                .tag("kind", kind)
                .register(meters);
    }

    private static void gauge(MeterRegistry meters, String name, Supplier<Number> value) {
        Gauge.builder(name, value).tag("source", SOURCE).strongReference(true).register(meters);
    }

    void poll(PollOutcome outcome, Duration took) {
        polls.get(outcome).increment();
        if (took != null) latency.record(took);
    }

    void malformedBody() {
        bodyErrors.increment();
    }

    void badRows(int n) {
        if (n > 0) rowErrors.increment(n);
    }

    void recordDropped() {
        recordDropped.increment();
    }
}
