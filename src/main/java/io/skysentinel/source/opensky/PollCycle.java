package io.skysentinel.source.opensky;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.skysentinel.core.CreditReporting.Region;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.LogThrottle;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.statevector.MalformedBodyException;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.statevector.StatesBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll cycle: one request per region through the circuit breaker, then record, parse and publish each body.
 * Returns what happened per region; the source turns that into budget and health. A cycle stops at the first sign
 * of upstream trouble, so a sick OpenSky is not asked again for the next region in the same breath.
 */
final class PollCycle {

    private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

    /**
     * What one region's request did. {@code credits} is what the request costs; {@code charged} says whether OpenSky
     * answered with a body, the only case in which we count them as spent without a header saying so.
     */
    record RegionResult(
            Region region,
            PollOutcome outcome,
            Instant at,
            int credits,
            boolean charged,
            OptionalLong remaining,
            long retryAfterS,
            int aircraft,
            String error) {}

    record Report(List<RegionResult> results) {
        int aircraft() {
            return results.stream().mapToInt(RegionResult::aircraft).sum();
        }

        boolean anySuccess() {
            return results.stream().anyMatch(r -> r.outcome() == PollOutcome.SUCCESS);
        }

        /** The first result that was not a success, or null. */
        RegionResult firstProblem() {
            return results.stream()
                    .filter(r -> r.outcome() != PollOutcome.SUCCESS)
                    .findFirst()
                    .orElse(null);
        }
    }

    private final OpenSkyHttpClient client;
    private final CircuitBreaker breaker;
    private final StateVectorParser parser;
    private final FlightBus bus;
    private final BodyRecorder recorder;
    private final OpenSkyMetrics metrics;
    private final LogThrottle logs;
    private final Clock clock;

    PollCycle(
            OpenSkyHttpClient client,
            CircuitBreaker breaker,
            StateVectorParser parser,
            FlightBus bus,
            BodyRecorder recorder,
            OpenSkyMetrics metrics,
            LogThrottle logs,
            Clock clock) {
        this.client = client;
        this.breaker = breaker;
        this.parser = parser;
        this.bus = bus;
        this.recorder = recorder;
        this.metrics = metrics;
        this.logs = logs;
        this.clock = clock;
    }

    /** @param regions the boxes; empty means one request for the whole world */
    Report run(List<Region> regions) throws InterruptedException {
        List<Region> targets = regions.isEmpty() ? Arrays.asList((Region) null) : regions;
        List<RegionResult> results = new ArrayList<>(targets.size());
        for (Region region : targets) {
            RegionResult r = poll(region);
            results.add(r);
            if (r.outcome().upstreamTrouble() || r.outcome() == PollOutcome.RATE_LIMITED) break;
        }
        return new Report(List.copyOf(results));
    }

    private RegionResult poll(Region region) throws InterruptedException {
        Instant at = clock.instant();
        int credits = CreditCost.forRegion(region);
        long t0 = System.nanoTime();
        FetchResult f;
        try {
            f = breaker.executeCallable(() -> client.fetch(region));
        } catch (CallNotPermittedException e) {
            metrics.poll(PollOutcome.CIRCUIT_OPEN, null);
            return result(
                    region,
                    PollOutcome.CIRCUIT_OPEN,
                    at,
                    credits,
                    OptionalLong.empty(),
                    0,
                    0,
                    "circuit breaker open: not calling OpenSky");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            metrics.poll(PollOutcome.ERROR, Duration.ofNanos(System.nanoTime() - t0));
            return result(region, PollOutcome.ERROR, at, credits, OptionalLong.empty(), 0, 0, "unexpected: " + e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        RegionResult r = switch (f) {
            case FetchResult.Body b -> body(region, at, credits, b);
            case FetchResult.RateLimited rl ->
                result(
                        region,
                        PollOutcome.RATE_LIMITED,
                        at,
                        credits,
                        rl.remaining(),
                        rl.retryAfterS(),
                        0,
                        "rate limited by OpenSky: retry after " + rl.retryAfterS() + " s");
            case FetchResult.Unauthorized u ->
                result(region, PollOutcome.UNAUTHORIZED, at, credits, u.remaining(), 0, 0, u.message());
            case FetchResult.ServerError s ->
                result(
                        region,
                        PollOutcome.SERVER_ERROR,
                        at,
                        credits,
                        s.remaining(),
                        0,
                        0,
                        "OpenSky answered HTTP " + s.status());
            case FetchResult.Timeout t ->
                result(region, PollOutcome.TIMEOUT, at, credits, t.remaining(), 0, 0, t.message());
            case FetchResult.Failed x ->
                result(region, PollOutcome.ERROR, at, credits, x.remaining(), 0, 0, x.message());
        };
        metrics.poll(r.outcome(), took);
        return r;
    }

    private RegionResult body(Region region, Instant at, int credits, FetchResult.Body b) {
        if (recorder.enabled()) recorder.record(b.body());
        StatesBody states;
        try {
            states = parser.parse(b.body(), OpenSkyMetrics.SOURCE);
        } catch (MalformedBodyException e) {
            metrics.malformedBody();
            String msg = "malformed body from OpenSky (" + b.body().length + " bytes): " + e.getMessage();
            long held = logs.admit("body");
            if (held >= 0) log.warn("{} [region {}; {} similar suppressed]", msg, name(region), held);
            // the last good picture stays with the hub: nothing is published
            return answered(region, PollOutcome.MALFORMED, at, credits, b.remaining(), 0, msg);
        }
        if (states.rejectedRows() > 0) {
            metrics.badRows(states.rejectedRows());
            long held = logs.admit("row");
            if (held >= 0) {
                log.warn(
                        "skipped {} malformed rows of {} in region {}, e.g. {} [{} similar log lines suppressed]",
                        states.rejectedRows(),
                        states.rejectedRows() + states.aircraft().size(),
                        name(region),
                        states.rowErrors(),
                        held);
            }
        }
        try {
            if (!bus.publish(SourceBatch.live(OpenSkyMetrics.SOURCE, states.timeUnix() * 1000, states.aircraft()))) {
                long held = logs.admit("bus");
                if (held >= 0)
                    log.warn(
                            "flight bus dropped a batch of {} aircraft [{} suppressed]",
                            states.aircraft().size(),
                            held);
            }
        } catch (RuntimeException e) {
            // the hub's problem, not OpenSky's: report it, but the credits are spent and the upstream is fine
            return answered(region, PollOutcome.ERROR, at, credits, b.remaining(), 0, "publishing failed: " + e);
        }
        return answered(
                region,
                PollOutcome.SUCCESS,
                at,
                credits,
                b.remaining(),
                states.aircraft().size(),
                null);
    }

    private static RegionResult result(
            Region region,
            PollOutcome outcome,
            Instant at,
            int credits,
            OptionalLong remaining,
            long retryAfterS,
            int aircraft,
            String error) {
        return new RegionResult(region, outcome, at, credits, false, remaining, retryAfterS, aircraft, error);
    }

    private static RegionResult answered(
            Region region,
            PollOutcome outcome,
            Instant at,
            int credits,
            OptionalLong remaining,
            int aircraft,
            String error) {
        return new RegionResult(region, outcome, at, credits, true, remaining, 0, aircraft, error);
    }

    static String name(Region region) {
        return region == null ? "world" : region.name();
    }
}
