package io.skysentinel.source.opensky;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.CreditReporting;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.RefreshableSource;
import io.skysentinel.core.RefreshableSource.RefreshOutcome.Status;
import io.skysentinel.core.SourceHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live poller of the OpenSky Network REST API. One daemon thread runs poll cycles (one request per region) at
 * the pace the {@link CreditScheduler} allows; on-demand refreshes run on that same thread, so there are never two
 * polls at once. What a cycle returns is folded into the scheduler (budget, 429, backoff) and into health.
 */
public final class OpenSkySource implements RefreshableSource, CreditReporting {

    private static final Logger log = LoggerFactory.getLogger(OpenSkySource.class);

    private final OpenSkyProperties props;
    private final Clock clock;
    private final Object lock = new Object();
    private final CreditScheduler scheduler; // guarded by lock
    private final PollState state = new PollState(); // guarded by lock
    private final OpenSkyMetrics metrics;
    private final PollRuntime runtime;
    private CompletableFuture<PollCycle.Report> inFlight; // guarded by lock

    public OpenSkySource(OpenSkyProperties props, FlightBus bus, MeterRegistry meters, Clock clock) {
        if (props.regionsPending()) {
            throw new IllegalArgumentException("skysentinel.opensky.regions-spec names airports (ICAO+Nkm): resolve"
                    + " them with OpenSkyProperties.withAirports(catalog) before building the source");
        }
        this.props = props;
        this.clock = clock;
        this.scheduler = new CreditScheduler(PollRuntime.schedulerConfig(props), clock.instant());
        this.metrics = new OpenSkyMetrics(meters, new Gauges());
        this.runtime = new PollRuntime(props, bus, metrics, clock, this::tick);
        if (props.authenticated() && props.tier() == Tier.ANONYMOUS) {
            log.warn("opensky: client credentials are set but tier is 'anonymous'; budgeting for 400 credits a day");
        }
    }

    @Override
    public String name() {
        return OpenSkyMetrics.SOURCE;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (!runtime.start()) return;
            state.started();
            log.info(
                    "opensky: polling {} ({}), {} credits a day, {} credit(s) a cycle, first interval {} s",
                    regionsText(),
                    props.authMode(),
                    scheduler.maxCredits(),
                    scheduler.cycleCost(),
                    scheduler.pollInterval(clock.instant()).toMillis() / 1000.0);
            runtime.scheduleAt(clock.instant(), clock.instant());
        }
    }

    @Override
    public void stop() {
        CompletableFuture<PollCycle.Report> pending;
        synchronized (lock) {
            pending = inFlight;
        }
        runtime.stop();
        if (pending != null) pending.cancel(false);
    }

    @Override
    public RefreshOutcome refreshNow(Duration maxWait) {
        Duration wait = maxWait == null || maxWait.isNegative() ? Duration.ZERO : maxWait;
        CompletableFuture<PollCycle.Report> f;
        synchronized (lock) {
            if (!runtime.running()) return outcome(Status.REJECTED, 0, 0, "source is not running");
            if (inFlight != null && !inFlight.isDone()) {
                f = inFlight; // a poll is already under way: wait for it instead of starting a second one
            } else {
                CreditScheduler.Decision d = scheduler.decide(clock.instant());
                if (!d.allowed()) return outcome(Status.REJECTED, d.retryAfterS(), 0, d.reason());
                if (runtime.breaker().getState() == CircuitBreaker.State.OPEN) {
                    return outcome(Status.REJECTED, props.breakerOpenDuration().toSeconds(), 0, "circuit breaker open");
                }
                f = inFlight = new CompletableFuture<>();
                if (!runtime.execute(() -> runCycle(f))) return outcome(Status.REJECTED, 0, 0, "source is stopping");
            }
        }
        try {
            return reportOutcome(f.get(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return outcome(Status.PENDING, 0, 0, "poll started; not finished within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(Status.PENDING, 0, 0, "interrupted while waiting; the poll goes on");
        } catch (ExecutionException | CancellationException e) {
            return outcome(Status.REJECTED, 0, 0, "poll did not complete: " + e.getMessage());
        }
    }

    @Override
    public CreditStatus credits() {
        synchronized (lock) {
            Instant now = clock.instant();
            long remaining = scheduler.remaining(now);
            CreditScheduler.Decision d = scheduler.decide(now);
            return new CreditStatus(
                    props.authMode(),
                    Math.max(0, scheduler.maxCredits() - remaining),
                    scheduler.maxCredits(),
                    remaining,
                    scheduler.remainingFromHeader(now),
                    scheduler.cycleCost(),
                    d.allowed(),
                    d.retryAfterS(),
                    scheduler.pollInterval(now).toMillis() / 1000.0,
                    scheduler.refillAt(now),
                    scheduler.retryAfterS(now),
                    scheduler.lastCycleAt(),
                    props.regions());
        }
    }

    @Override
    public SourceHealth health() {
        synchronized (lock) {
            Instant now = clock.instant();
            return HealthRules.evaluate(state.facts(
                    now,
                    runtime.running(),
                    scheduler,
                    runtime.breaker().getState() == CircuitBreaker.State.OPEN,
                    props.timeout()));
        }
    }

    /** The regular loop: poll when due, otherwise sleep again (at most a minute, in case the wall clock jumps). */
    private void tick() {
        CompletableFuture<PollCycle.Report> f;
        synchronized (lock) {
            if (!runtime.running() || (inFlight != null && !inFlight.isDone())) return; // a refresh reschedules us
            Instant now = clock.instant();
            Instant due = scheduler.nextPollAt(now);
            if (due.isAfter(now.plusMillis(20))) {
                runtime.scheduleAt(due, now);
                return;
            }
            f = inFlight = new CompletableFuture<>();
        }
        runCycle(f);
    }

    private void runCycle(CompletableFuture<PollCycle.Report> f) {
        try {
            synchronized (lock) {
                scheduler.cycleStarted(clock.instant());
            }
            PollCycle.Report report = runtime.cycle().run(props.regions());
            synchronized (lock) {
                state.apply(report, scheduler, clock.instant());
            }
            f.complete(report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(false);
        } catch (RuntimeException e) {
            log.error("opensky: poll cycle failed unexpectedly", e);
            synchronized (lock) {
                state.unexpected(e, scheduler, clock.instant());
            }
            f.completeExceptionally(e);
        } finally {
            synchronized (lock) {
                if (runtime.running()) runtime.scheduleAt(scheduler.nextPollAt(clock.instant()), clock.instant());
            }
        }
    }

    private RefreshOutcome reportOutcome(PollCycle.Report r) {
        PollCycle.RegionResult problem = r.firstProblem();
        if (problem != null && problem.outcome() == PollOutcome.RATE_LIMITED) {
            return outcome(Status.REJECTED, problem.retryAfterS(), r.aircraft(), problem.error());
        }
        String msg = problem == null
                ? "polled " + r.results().size() + " request(s)"
                : "polled with a problem: " + problem.error();
        return outcome(Status.POLLED, 0, r.aircraft(), msg);
    }

    private RefreshOutcome outcome(Status status, long retryAfterS, int aircraft, String message) {
        return new RefreshOutcome(name(), status, retryAfterS, aircraft, message);
    }

    private String regionsText() {
        return props.regions().isEmpty() ? "the whole world" : props.regions().size() + " region(s)";
    }

    /** Gauge readings, taken under the lock because the scraper runs on its own thread. */
    private final class Gauges implements OpenSkyMetrics.CreditGauges {
        @Override
        public long remaining() {
            synchronized (lock) {
                return scheduler.remaining(clock.instant());
            }
        }

        @Override
        public long used() {
            synchronized (lock) {
                return Math.max(0, scheduler.maxCredits() - remaining());
            }
        }

        @Override
        public int perRequest() {
            return scheduler.cycleCost();
        }

        @Override
        public double pollIntervalSeconds() {
            synchronized (lock) {
                return scheduler.pollInterval(clock.instant()).toMillis() / 1000.0;
            }
        }
    }
}
