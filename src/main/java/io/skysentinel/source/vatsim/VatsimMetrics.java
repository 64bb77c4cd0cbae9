package io.skysentinel.source.vatsim;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skysentinel.source.vatsim.VatsimFeed.Reject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source's meters (docs/vatsim.md#bad-input-and-metrics). Every counter of a known tag is registered up front, so
 * dashboards show 0 rather than nothing before the first failure.
 */
final class VatsimMetrics {

    /** Outcomes of one poll: the {@code outcome} tag of {@code skysentinel_source_polls_total{source="vatsim"}}. */
    enum Outcome {
        SUCCESS("success"),
        UNCHANGED("unchanged"),
        OLDER("older"),
        ERROR("error"),
        MALFORMED("malformed"),
        CIRCUIT_OPEN("circuit_open");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    static final String[] FEED_ERROR_KINDS = {"http", "timeout", "io", "malformed", "status", "circuit_open", "publish"
    };

    private final MeterRegistry meters;
    private final Map<Outcome, Counter> polls = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> feedErrors = new ConcurrentHashMap<>();
    private final Timer latency;

    VatsimMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Outcome o : Outcome.values())
            polls.put(
                    o,
                    Counter.builder("skysentinel.source.polls")
                            .description("Upstream requests by outcome")
                            .tag("source", FeedConverter.SOURCE)
                            .tag("outcome", o.tag)
                            .register(meters));
        for (Reject r : Reject.values()) rejected(r.tag());
        for (String k : FEED_ERROR_KINDS) feedError(k);
        latency = Timer.builder("skysentinel.source.poll.latency")
                .description("Time for one upstream request")
                .tag("source", FeedConverter.SOURCE)
                .publishPercentileHistogram()
                .register(meters);
    }

    void poll(Outcome outcome, Duration took) {
        polls.get(outcome).increment();
        if (took != null) latency.record(took);
    }

    void rejected(Map<String, Integer> byReason) {
        byReason.forEach((reason, n) -> rejected(reason).increment(n));
    }

    void feedError(String kind, int n) {
        feedError(kind).increment(n);
    }

    private Counter rejected(String reason) {
        return rejected.computeIfAbsent(
                reason,
                r -> Counter.builder("skysentinel.vatsim.rejected")
                        .description("Feed entries (pilots, controllers, ATIS) left out, by reason")
                        .tag("reason", r)
                        .register(meters));
    }

    private Counter feedError(String kind) {
        return feedErrors.computeIfAbsent(
                kind,
                k -> Counter.builder("skysentinel.vatsim.feed.errors")
                        .description("Status and feed reads that gave nothing usable, by kind")
                        .tag("kind", k)
                        .register(meters));
    }
}
