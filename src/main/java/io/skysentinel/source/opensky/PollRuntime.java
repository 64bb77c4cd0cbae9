package io.skysentinel.source.opensky;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.LogThrottle;
import io.skysentinel.core.PollerThreads;
import io.skysentinel.statevector.StateVectorParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moving parts behind {@link OpenSkySource}: the poll thread, the HTTP client, the circuit breaker, the
 * recorder. Built from the settings; each start builds them anew and each stop releases them. At most one tick
 * is scheduled at a time and at most one refresh is queued behind it (the source checks), so the executor's queue
 * stays tiny.
 */
final class PollRuntime {

    private static final Logger log = LoggerFactory.getLogger(PollRuntime.class);
    /** Never sleep longer than this before looking at the clock again (wall-clock jumps, long 429 waits). */
    static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    private final OpenSkyProperties props;
    private final FlightBus bus;
    private final OpenSkyMetrics metrics;
    private final Clock clock;
    private final Runnable tick;
    private final CircuitBreaker breaker;
    private ScheduledExecutorService executor;
    private HttpClient http;
    private BodyRecorder recorder = BodyRecorder.off();
    private PollCycle cycle;
    private volatile ScheduledFuture<?> nextTick;
    private volatile boolean running;

    PollRuntime(OpenSkyProperties props, FlightBus bus, OpenSkyMetrics metrics, Clock clock, Runnable tick) {
        this.props = props;
        this.bus = bus;
        this.metrics = metrics;
        this.clock = clock;
        this.tick = tick;
        this.breaker = CircuitBreaker.of(
                "opensky",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(6)
                        .minimumNumberOfCalls(3)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(props.breakerOpenDuration())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        // a 429 or a malformed body is OpenSky answering; only silence and 5xx mean it is unwell
                        .recordResult(r -> r instanceof FetchResult.ServerError
                                || r instanceof FetchResult.Timeout
                                || r instanceof FetchResult.Failed)
                        .ignoreExceptions(InterruptedException.class)
                        .clock(clock)
                        .build());
    }

    static CreditScheduler.Config schedulerConfig(OpenSkyProperties p) {
        return new CreditScheduler.Config(
                p.effectiveDailyCredits(),
                CreditCost.forCycle(p.regions()),
                p.minInterval(),
                p.refillMode(),
                p.refillTimeUtc(),
                IntervalFunction.ofExponentialRandomBackoff(p.backoffInitial(), 2.0, 0.5, p.backoffMax()));
    }

    /**
     * Builds a fresh poll thread, HTTP client, token provider and recorder, so a stopped source starts again (a Kafka
     * ingest instance that lost the leadership and is elected again). The circuit breaker is kept.
     *
     * @return false when already started
     */
    synchronized boolean start() {
        if (running) return false;
        executor = PollerThreads.thread("opensky-poller");
        http = PollerThreads.http(props.timeout(), HttpClient.Redirect.NEVER);
        TokenProvider tokens = props.authenticated()
                ? TokenProvider.oauth2(
                        http,
                        URI.create(props.tokenUrl()),
                        props.clientId(),
                        props.clientSecret(),
                        props.timeout(),
                        clock)
                : TokenProvider.none();
        recorder = openRecorder();
        OpenSkyHttpClient client =
                new OpenSkyHttpClient(http, props.baseUrl(), props.extended(), props.timeout(), tokens);
        cycle = new PollCycle(
                client,
                breaker,
                new StateVectorParser(),
                bus,
                recorder,
                metrics,
                new LogThrottle(clock, Duration.ofMinutes(1)),
                clock);
        running = true;
        return true;
    }

    private BodyRecorder openRecorder() {
        if (props.recordFile().isEmpty()) return BodyRecorder.off();
        try {
            return BodyRecorder.toFile(
                    Path.of(props.recordFile()), props.recordMaxBytes(), reason -> metrics.recordDropped());
        } catch (IOException | RuntimeException e) {
            log.error("opensky: cannot record to {} ({}); polling without recording", props.recordFile(), e.toString());
            return BodyRecorder.off();
        }
    }

    synchronized void stop() {
        if (!running) return;
        running = false;
        if (nextTick != null) nextTick.cancel(false);
        if (!PollerThreads.stop(executor)) log.warn("opensky: poll thread did not stop in 5 s");
        http.shutdownNow();
        recorder.close();
    }

    boolean running() {
        return running;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    PollCycle cycle() {
        return cycle;
    }

    /** Replaces the pending tick with one at {@code due} (or in a minute, whichever is sooner). */
    void scheduleAt(Instant due, Instant now) {
        if (!running) return;
        if (nextTick != null) nextTick.cancel(false);
        long delayMs = Math.max(0, Math.min(Duration.between(now, due).toMillis(), MAX_SLEEP.toMillis()));
        try {
            nextTick = executor.schedule(tick, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Runs a refresh on the poll thread; false when the source is stopping. */
    boolean execute(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
