package io.skysentinel.source.vatsim;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.LogThrottle;
import io.skysentinel.core.NetworkReporting;
import io.skysentinel.core.PollerThreads;
import io.skysentinel.core.SourceHealth;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VATSIM network source (docs/vatsim.md): one daemon thread reads the v3 data feed every poll interval and
 * publishes each new feed as the network's whole picture. Failures back off exponentially (with jitter) behind a
 * circuit breaker; the last good picture stays in the hub meanwhile.
 */
public final class VatsimSource implements FlightSource, NetworkReporting {

    private static final Logger log = LoggerFactory.getLogger(VatsimSource.class);

    private final VatsimProperties props;
    private final FlightBus bus;
    private final Clock clock;
    private final RandomGenerator random;
    private final VatsimMetrics metrics;
    private final CircuitBreaker breaker;
    private final IntervalFunction backoff;
    private final FeedConverter converter;
    private final Object lock = new Object();
    // guarded by lock
    private boolean running, everStarted;
    private Instant lastSuccess, lastError, nextPoll;
    private String lastErrorMessage;
    private VatsimMetrics.Outcome lastOutcome;
    private int lastBatchSize, failures;
    private NetworkStatus status;
    private NetworkCodes codes;
    private ScheduledExecutorService executor;
    private HttpClient http;
    private VatsimPoller poller;

    public VatsimSource(
            VatsimProperties props,
            FlightBus bus,
            MeterRegistry meters,
            Clock clock,
            AtcLocator locator,
            AirportCatalog airports) {
        this(props, bus, meters, clock, locator, airports, RandomGenerator.getDefault());
    }

    /** @param random picks one of the feed URLs for each poll (tests pass a seeded one) */
    VatsimSource(
            VatsimProperties props,
            FlightBus bus,
            MeterRegistry meters,
            Clock clock,
            AtcLocator locator,
            AirportCatalog airports,
            RandomGenerator random) {
        this.props = props;
        this.bus = bus;
        this.clock = clock;
        this.random = random;
        this.metrics = new VatsimMetrics(meters);
        this.converter = new FeedConverter(airports, locator);
        this.backoff =
                IntervalFunction.ofExponentialRandomBackoff(props.backoffInitial(), 2.0, 0.5, props.backoffMax());
        this.breaker = CircuitBreaker.of(
                "vatsim",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(6)
                        .minimumNumberOfCalls(3)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(props.breakerOpenDuration())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        // a body, even a malformed one, is VATSIM answering; silence, errors and 5xx are not
                        .recordResult(r -> r instanceof VatsimHttpClient.Fetch.Failed)
                        .ignoreExceptions(InterruptedException.class)
                        .clock(clock)
                        .build());
    }

    @Override
    public String name() {
        return FeedConverter.SOURCE;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) return;
            executor = PollerThreads.thread("vatsim-poller");
            http = PollerThreads.http(props.timeout(), HttpClient.Redirect.NORMAL);
            poller = new VatsimPoller(
                    URI.create(props.statusUrl()),
                    new VatsimHttpClient(http, props.timeout(), VatsimHttpClient.userAgent()),
                    breaker,
                    random,
                    bus,
                    metrics,
                    new LogThrottle(clock, Duration.ofMinutes(1)),
                    converter);
            running = true;
            everStarted = true;
            log.info(
                    "vatsim: reading {} every {} s",
                    props.statusUrl(),
                    props.pollInterval().toMillis() / 1000.0);
            schedule(Duration.ZERO);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex;
        synchronized (lock) {
            if (!running) return;
            running = false;
            ex = executor;
        }
        if (!PollerThreads.stop(ex)) log.warn("vatsim: poll thread did not stop in 5 s");
        http.shutdownNow();
    }

    @Override
    public SourceHealth health() {
        synchronized (lock) {
            return VatsimHealth.evaluate(new VatsimHealth.Facts(
                    running,
                    everStarted,
                    clock.instant(),
                    lastSuccess,
                    lastError,
                    lastErrorMessage,
                    lastOutcome,
                    lastBatchSize,
                    nextPoll,
                    breaker.getState() == CircuitBreaker.State.OPEN,
                    props.pollInterval(),
                    props.timeout()));
        }
    }

    @Override
    public NetworkStatus networkStatus() {
        synchronized (lock) {
            return status;
        }
    }

    @Override
    public NetworkCodes networkCodes() {
        synchronized (lock) {
            return codes;
        }
    }

    private void tick() {
        Instant started = clock.instant();
        VatsimPoller.Result r;
        try {
            r = poller.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            // a bug, not VATSIM: keep polling rather than leave a dead thread behind
            log.error("vatsim: poll failed unexpectedly", e);
            r = new VatsimPoller.Result(VatsimMetrics.Outcome.ERROR, "unexpected: " + e, null, null, null, 0);
        }
        synchronized (lock) {
            if (!running) return;
            Instant now = clock.instant();
            lastOutcome = r.outcome();
            if (r.status() != null) status = r.status();
            if (r.codes() != null) codes = r.codes();
            Duration wait;
            if (VatsimHealth.read(r.outcome())) {
                lastSuccess = now;
                if (r.outcome() == VatsimMetrics.Outcome.SUCCESS) lastBatchSize = r.pilots();
                failures = 0;
                wait = props.pollInterval().minus(Duration.between(started, now));
            } else {
                lastError = now;
                lastErrorMessage = r.error();
                wait = Duration.ofMillis(backoff.apply(++failures));
            }
            schedule(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    /** Under the lock. */
    private void schedule(Duration wait) {
        nextPoll = clock.instant().plus(wait);
        try {
            executor.schedule(this::tick, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }
}
