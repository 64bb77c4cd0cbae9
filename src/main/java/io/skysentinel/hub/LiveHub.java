package io.skysentinel.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.LiveEntity;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One in-memory picture, fed from the bus (or mirrored from Kafka). Thread-safe wrapper around {@link HubCore}:
 * batches are applied under a write lock, reads take a read lock and copy, so a client request never waits for an
 * upstream call. Two ways to follow it: the push polls {@link #changesSince} at its own pace (coalesced: the newest
 * state is all a browser needs), and every consumer of the record (history, analytics, the Kafka update stream)
 * gets a {@link Follower} with every accepted state and every removal, in order, through its own bounded queue.
 */
public final class LiveHub<E extends LiveEntity> {

    private final String name;
    private final HubCore<E> core;
    private final Function<SourceBatch, List<E>> select;
    private final Clock clock;
    private final long backpressureMaxWaitMs;
    private final MeterRegistry meters;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock order = new ReentrantLock(); // one apply at a time, so followers see hub order
    private final List<Follower<E>> followers = new CopyOnWriteArrayList<>();
    private final Timer applyTimer;
    private final Counter upserts, removals, unchanged, outOfOrder, staleOnArrival, overCapacity, backpressureTimeouts;

    /**
     * @param name   the hub's name, its metrics' {@code hub} tag ("aircraft")
     * @param select which entities of a batch this hub holds
     */
    public LiveHub(
            String name,
            Function<SourceBatch, List<E>> select,
            HubSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.name = name;
        this.select = select;
        this.core = new HubCore<>(
                select, settings.staleThreshold().toMillis(), settings.maxAircraft(), settings.removalLogCapacity());
        this.clock = clock;
        this.backpressureMaxWaitMs = settings.backpressureMaxWait().toMillis();
        this.meters = meters;
        this.applyTimer = Timer.builder("skysentinel.hub.apply")
                .tag("hub", name)
                .description("Time to apply one source batch")
                .publishPercentileHistogram()
                .register(meters);
        this.upserts = changes("upsert");
        this.removals = changes("removal");
        this.unchanged = ignored("unchanged");
        this.outOfOrder = ignored("out_of_order");
        this.staleOnArrival = ignored("stale_on_arrival");
        this.overCapacity = ignored("over_capacity");
        this.backpressureTimeouts = Counter.builder("skysentinel.hub.backpressure.timeouts")
                .tag("hub", name)
                .description("Replayed batches that waited the longest allowed for a follower and went on anyway")
                .register(meters);
        gauge("skysentinel.hub.aircraft", "Entities in the live picture", LiveHub::size);
        gauge("skysentinel.hub.seq", "Latest change sequence number", LiveHub::seq);
        gauge(
                "skysentinel.hub.stale.evictions",
                "Entities removed for no contact within the stale threshold",
                h -> h.read(h.core::staleEvictions));
        gauge(
                "skysentinel.hub.removal.log.trimmed",
                "Removals forgotten by the bounded removal log (clients behind it resync)",
                h -> h.read(h.core::removalLogTrimmed));
    }

    /** The ATC hub: the ATC positions of the network sources. */
    public static LiveHub<AtcPosition> forAtc(HubSettings settings, Clock clock, MeterRegistry meters) {
        return new LiveHub<>("atc", SourceBatch::atc, settings, clock, meters);
    }

    /** The aircraft hub. */
    public static LiveHub<Aircraft> forAircraft(HubSettings settings, Clock clock, MeterRegistry meters) {
        return new LiveHub<>("aircraft", SourceBatch::aircraft, settings, clock, meters);
    }

    private Counter changes(String kind) {
        return Counter.builder("skysentinel.hub.changes")
                .tag("hub", name)
                .tag("kind", kind)
                .register(meters);
    }

    private Counter ignored(String reason) {
        return Counter.builder("skysentinel.hub.ignored")
                .tag("hub", name)
                .tag("reason", reason)
                .description("States not applied, by reason")
                .register(meters);
    }

    private void gauge(String meter, String description, java.util.function.ToDoubleFunction<LiveHub<E>> f) {
        Gauge.builder(meter, this, f).tag("hub", name).description(description).register(meters);
    }

    /** Subscribes this hub to the bus. */
    public LiveHub<E> attach(FlightBus bus) {
        bus.subscribe(this::apply);
        return this;
    }

    /**
     * A new follower with a queue of {@code capacity} updates, receiving everything applied from now on. Its
     * metrics: {@code skysentinel.hub.follower.*} tagged with its name, which must be unique among the live ones.
     */
    public Follower<E> follow(String follower, int capacity) {
        if (follower(follower).isPresent())
            throw new IllegalStateException("hub " + name + " already has a follower named " + follower);
        Follower<E> f = new Follower<>(follower, capacity);
        FollowerMeters.register(meters, name, f, clock);
        followers.add(f);
        return f;
    }

    /** The follower of that name, while it follows. */
    public java.util.Optional<Follower<E>> follower(String follower) {
        return followers.stream()
                .filter(f -> f.name().equals(follower) && !f.closed())
                .findFirst();
    }

    public ApplyResult<E> apply(SourceBatch batch) {
        return ordered(batch.backpressure() ? select.apply(batch).size() : 0, () -> core.apply(batch, clock.millis()));
    }

    /** Applies changes mirrored from another hub's stream (Kafka); see {@link HubCore#applyStream}. */
    public ApplyResult<E> applyStream(List<StreamedChange<E>> changes) {
        return ordered(0, () -> core.applyStream(changes));
    }

    /** Applies under the write lock, then hands the updates to every follower, in hub order. */
    private ApplyResult<E> ordered(int waitForRoom, Supplier<ApplyResult<E>> op) {
        order.lock();
        try {
            if (waitForRoom > 0) awaitFollowers(waitForRoom);
            long start = System.nanoTime();
            ApplyResult<E> result;
            lock.writeLock().lock();
            try {
                result = op.get();
            } finally {
                lock.writeLock().unlock();
            }
            applyTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            count(result);
            List<Update<E>> updates = result.delta().updates();
            long now = clock.millis();
            for (Follower<E> f : followers) {
                if (f.closed()) followers.remove(f);
                else f.offer(updates, now);
            }
            return result;
        } finally {
            order.unlock();
        }
    }

    private void awaitFollowers(int n) {
        try {
            for (Follower<E> f : followers) {
                if (!f.awaitRoom(n, backpressureMaxWaitMs)) backpressureTimeouts.increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: apply without waiting
        }
    }

    private void count(ApplyResult<E> result) {
        int removed = 0;
        for (Update<E> u : result.delta().updates()) if (u instanceof Update.Removal<E>) removed++;
        upserts.increment(result.delta().updates().size() - removed);
        removals.increment(removed);
        unchanged.increment(result.unchanged());
        outOfOrder.increment(result.outOfOrder());
        staleOnArrival.increment(result.staleOnArrival());
        overCapacity.increment(result.overCapacity());
    }

    public HubSnapshot<E> snapshot() {
        return read(() -> {
            long now = clock.millis();
            Map<String, Long> ages = new HashMap<>();
            Map<String, HubCore.SourceClock> clocks = core.sourceClocks();
            core.countBySource().keySet().forEach(s -> ages.put(s, clocks.get(s).ageMs(now)));
            return new HubSnapshot<>(core.seq(), now, core.entities(), ages);
        });
    }

    public Changes<E> changesSince(long seq) {
        return read(() -> core.changesSince(seq));
    }

    public E get(String id) {
        return read(() -> core.get(id));
    }

    public long seq() {
        return read(core::seq);
    }

    public int size() {
        return read(core::size);
    }

    /** Per source: its newest data's age (ms, by its own clock) and entities in the picture. */
    public Map<String, SourceView> sources() {
        return read(() -> {
            long now = clock.millis();
            Map<String, Integer> counts = core.countBySource();
            Map<String, SourceView> out = new HashMap<>();
            core.sourceClocks().forEach((s, c) -> out.put(s, new SourceView(c.ageMs(now), counts.getOrDefault(s, 0))));
            return out;
        });
    }

    public record SourceView(long dataAgeMs, int aircraft) {}

    private <T> T read(Supplier<T> f) {
        lock.readLock().lock();
        try {
            return f.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
