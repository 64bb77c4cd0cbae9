package io.skysentinel.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The one in-memory picture of the sky, fed from the bus. Thread-safe wrapper around {@link HubCore}: batches are
 * applied under a write lock (one bus thread), reads take a read lock and copy, so a client request never waits
 * for an upstream call. Consumers that follow changes (WebSocket push) poll {@link #changesSince} at their own pace
 * rather than being called back on the bus thread.
 */
public final class LiveHub {

    private final HubCore core;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Timer applyTimer;
    private final Counter upserts, removals, unchanged, outOfOrder, staleOnArrival, overCapacity;

    public LiveHub(HubSettings settings, Clock clock, MeterRegistry meters) {
        this.core = new HubCore(settings.staleThreshold().toMillis(), settings.maxAircraft(), settings.removalLogCapacity());
        this.clock = clock;
        this.applyTimer = Timer.builder("skysentinel.hub.apply").description("Time to apply one source batch")
                .publishPercentileHistogram().register(meters);
        this.upserts = Counter.builder("skysentinel.hub.changes").tag("kind", "upsert").register(meters);
        this.removals = Counter.builder("skysentinel.hub.changes").tag("kind", "removal").register(meters);
        this.unchanged = ignored(meters, "unchanged");
        this.outOfOrder = ignored(meters, "out_of_order");
        this.staleOnArrival = ignored(meters, "stale_on_arrival");
        this.overCapacity = ignored(meters, "over_capacity");
        Gauge.builder("skysentinel.hub.aircraft", this, LiveHub::size).description("Aircraft in the live picture").register(meters);
        Gauge.builder("skysentinel.hub.seq", this, LiveHub::seq).description("Latest change sequence number").register(meters);
        Gauge.builder("skysentinel.hub.stale.evictions", this, h -> h.read(h.core::staleEvictions))
                .description("Aircraft removed for no contact within the stale threshold").register(meters);
        Gauge.builder("skysentinel.hub.removal.log.trimmed", this, h -> h.read(h.core::removalLogTrimmed))
                .description("Removals forgotten by the bounded removal log (clients behind it resync)").register(meters);
    }

    private static Counter ignored(MeterRegistry meters, String reason) {
        return Counter.builder("skysentinel.hub.ignored").tag("reason", reason)
                .description("States not applied, by reason").register(meters);
    }

    /** Subscribes this hub to the bus. */
    public LiveHub attach(FlightBus bus) {
        bus.subscribe(this::apply);
        return this;
    }

    public ApplyResult apply(SourceBatch batch) {
        ApplyResult result;
        long start = System.nanoTime();
        lock.writeLock().lock();
        try {
            result = core.apply(batch, clock.millis());
        } finally {
            lock.writeLock().unlock();
        }
        applyTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        count(result);
        return result;
    }

    private void count(ApplyResult result) {
        Delta d = result.delta();
        upserts.increment(d.upserts().size());
        removals.increment(d.removals().size());
        unchanged.increment(result.unchanged());
        outOfOrder.increment(result.outOfOrder());
        staleOnArrival.increment(result.staleOnArrival());
        overCapacity.increment(result.overCapacity());
    }

    /** Applies changes mirrored from another hub's stream (Kafka); see {@link HubCore#applyStream}. */
    public ApplyResult applyStream(java.util.List<StreamedChange> changes) {
        ApplyResult result;
        long start = System.nanoTime();
        lock.writeLock().lock();
        try {
            result = core.applyStream(changes);
        } finally {
            lock.writeLock().unlock();
        }
        applyTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        count(result);
        return result;
    }

    public HubSnapshot snapshot() {
        return read(() -> {
            long now = clock.millis();
            Map<String, Long> ages = new HashMap<>();
            Map<String, HubCore.SourceClock> clocks = core.sourceClocks();
            core.countBySource().keySet().forEach(s -> ages.put(s, clocks.get(s).ageMs(now)));
            return new HubSnapshot(core.seq(), now, core.aircraft(), ages);
        });
    }

    public Changes changesSince(long seq) {
        return read(() -> core.changesSince(seq));
    }

    public Aircraft get(String icao24) {
        return read(() -> core.get(icao24));
    }

    public long seq() {
        return read(core::seq);
    }

    public int size() {
        return read(core::size);
    }

    /** Per source: its newest data's age (ms, by its own clock) and aircraft in the picture. */
    public Map<String, SourceView> sources() {
        return read(() -> {
            long now = clock.millis();
            Map<String, Integer> counts = core.countBySource();
            Map<String, SourceView> out = new HashMap<>();
            core.sourceClocks().forEach((s, c) -> out.put(s, new SourceView(c.ageMs(now), counts.getOrDefault(s, 0))));
            return out;
        });
    }

    public record SourceView(long dataAgeMs, int aircraft) { }

    private <T> T read(java.util.function.Supplier<T> f) {
        lock.readLock().lock();
        try {
            return f.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
