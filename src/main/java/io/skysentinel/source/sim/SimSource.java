package io.skysentinel.source.sim;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.SourceHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes synthetic traffic: one daemon thread steps a {@link TrafficSimulator} to the clock's time every tick
 * and hands the states to the bus as a live batch. All the traffic logic is in the simulator, which this class
 * only drives.
 */
public final class SimSource implements FlightSource {

    public static final String NAME = TrafficSimulator.SOURCE;
    private static final Logger log = LoggerFactory.getLogger(SimSource.class);

    private final SimProperties props;
    private final FlightBus bus;
    private final Clock clock;
    private final TrafficSimulator simulator;
    private final Counter ticks;
    private final Counter dropped;
    private final Timer stepTimer;

    private ScheduledExecutorService executor; // guarded by this
    private volatile boolean started;
    private volatile Instant lastTick;
    private volatile int lastBatchSize;
    private volatile Instant lastError;
    private volatile String lastErrorMessage;
    private boolean failing; // only touched by the tick thread
    private final int slices;
    private long tickNo; // only touched by the tick thread

    public SimSource(SimProperties props, FlightBus bus, MeterRegistry meters, Clock clock) {
        this(props, bus, meters, clock, 1);
    }

    /**
     * @param slices each tick publishes one slice of the fleet in turn (1: everyone every tick); see {@link
     * TrafficSimulator#step(long, int, int)}
     */
    public SimSource(SimProperties props, FlightBus bus, MeterRegistry meters, Clock clock, int slices) {
        if (slices < 1 || slices > 1000)
            throw new IllegalArgumentException("skysentinel.sim.report-slices must be 1..1000, was " + slices);
        this.slices = slices;
        this.props = props;
        this.bus = bus;
        this.clock = clock;
        this.simulator = new TrafficSimulator(props);
        this.ticks = Counter.builder("skysentinel.sim.ticks")
                .description("Simulator ticks published")
                .register(meters);
        this.dropped = Counter.builder("skysentinel.sim.dropped")
                .description("Simulator batches the bus refused (full)")
                .register(meters);
        this.stepTimer = Timer.builder("skysentinel.sim.step")
                .description("Time to advance the whole fleet one tick")
                .register(meters);
        meters.gauge("skysentinel.sim.aircraft", simulator, TrafficSimulator::size);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-source");
            t.setDaemon(true);
            return t;
        });
        started = true;
        // Fixed rate: a slow tick delays the next one, never runs two at once (the simulator is single-threaded).
        executor.scheduleAtFixedRate(this::tick, 0, props.tick().toNanos(), TimeUnit.NANOSECONDS);
        log.info("Sim source started: {} aircraft, seed {}, tick {}", simulator.size(), props.seed(), props.tick());
    }

    @Override
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) log.warn("Sim source thread did not stop in 5s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        started = false;
    }

    private void tick() {
        try {
            long now = clock.millis();
            int slice = (int) (tickNo++ % slices);
            List<Aircraft> aircraft = stepTimer.record(() -> simulator.step(now, slice, slices));
            if (!bus.publish(SourceBatch.live(NAME, now, aircraft))) dropped.increment();
            lastBatchSize = aircraft.size();
            lastTick = Instant.ofEpochMilli(now);
            ticks.increment();
            failing = false;
        } catch (RuntimeException e) {
            // Caught so that the schedule survives: an exception would silently cancel every later tick.
            lastError = clock.instant();
            lastErrorMessage = e.toString();
            if (!failing) log.warn("Sim tick failed (repeats are logged at debug until a tick succeeds)", e);
            else log.debug("Sim tick failed again: {}", e.toString());
            failing = true;
        }
    }

    @Override
    public SourceHealth health() {
        Instant tick = lastTick, error = lastError;
        if (!started) {
            return new SourceHealth(
                    NAME,
                    "simulated",
                    SourceHealth.State.DOWN,
                    "stopped",
                    tick,
                    error,
                    lastErrorMessage,
                    null,
                    lastBatchSize);
        }
        Instant next = tick == null ? null : tick.plus(props.tick());
        if (error != null && (tick == null || error.isAfter(tick))) {
            return new SourceHealth(
                    NAME,
                    "simulated",
                    SourceHealth.State.DEGRADED,
                    "tick failed: " + lastErrorMessage,
                    tick,
                    error,
                    lastErrorMessage,
                    next,
                    lastBatchSize);
        }
        String detail = (tick == null ? "starting: " : "") + simulator.size() + " simulated aircraft";
        return new SourceHealth(
                NAME, "simulated", SourceHealth.State.UP, detail, tick, error, lastErrorMessage, next, lastBatchSize);
    }
}
