package io.skysentinel.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.Changes;
import io.skysentinel.hub.LiveHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Records the live picture's changes. Every poll interval one thread takes {@link LiveHub#changesSince} (the hub is
 * never blocked beyond its read lock, and never calls us), turns each upsert into a position row and buffers it
 * (bounded, drop-oldest); another flushes the buffer with COPY. The poll sees the hub's latest state per aircraft, so
 * states a source replaces within one poll interval (500 ms by default; sources deliver every ≥ 1 s) are not stored. When the database is down it keeps polling and buffering and retries
 * the flush with exponential backoff; after recovery everything still buffered is written.
 */
public final class HistoryWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final long MAINTENANCE_EVERY_MS = 3_600_000;

    private final LiveHub hub;
    private final HistorySettings settings;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final PositionCopier copier;
    private final LegUpserter legUpserter;
    private final Partitions partitions;
    private final AnalyticsRecorder analytics;
    private final FlightLegs legs;
    private final DropOldestBuffer<PositionRow> buffer;
    private final HistoryMetrics metrics;
    private final Thread poller, flusher;
    private volatile boolean running = true;
    private volatile long received;
    private volatile boolean up = true;
    private volatile long newestReceivedMs, newestWrittenMs;
    private long seq, nextAttemptMs, backoffMs, nextMaintenanceMs;

    public HistoryWriter(LiveHub hub, HistorySettings settings, Clock clock, JdbcTemplate jdbc, Partitions partitions,
                         AnalyticsRecorder analytics, NearestAirport airports, MeterRegistry meters) {
        this.hub = hub;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
        this.copier = new PositionCopier(jdbc.getDataSource());
        this.legUpserter = new LegUpserter(jdbc);
        this.partitions = partitions;
        this.analytics = analytics;
        this.legs = new FlightLegs(settings.legGap().toMillis(), 300, airports);
        this.buffer = new DropOldestBuffer<>(settings.bufferCapacity());
        this.metrics = new HistoryMetrics(meters, buffer, analytics, this::lagMs, () -> up);
        // Two threads, so a database that hangs (connection timeouts during an outage) never stops the hub poll:
        // states keep reaching the buffer while the flusher waits.
        this.poller = Thread.ofPlatform().name("history-poll").daemon().unstarted(() -> loop(this::pollHub));
        this.flusher = Thread.ofPlatform().name("history-flush").daemon().unstarted(() -> loop(this::flushIfDue));
    }

    public HistoryWriter start() {
        poller.start();
        flusher.start();
        return this;
    }

    private void loop(Runnable step) {
        while (running) {
            try {
                step.run();
                Thread.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("History writer step failed; continuing", e);
            }
        }
    }

    /** Takes the hub's changes into the buffer. Removals need no row: history keeps what was seen. */
    void pollHub() {
        Changes ch = hub.changesSince(seq);
        seq = ch.seq();
        synchronized (legs) {
            for (Aircraft a : ch.upserts()) {
                PositionRow row = PositionRow.of(a);
                if (row == null || !legs.accept(row)) continue; // no position, or a re-sent state (resync)
                buffer.offer(row);
                received++;
                if (row.timeMs() > newestReceivedMs) newestReceivedMs = row.timeMs();
            }
        }
    }

    private void flushIfDue() {
        long now = clock.millis();
        if (now < nextAttemptMs) return;
        try {
            if (now >= nextMaintenanceMs) maintain(now);
            flush();
            if (!up) log.info("History database reachable again; buffered rows written");
            up = true;
            backoffMs = 0;
        } catch (RuntimeException | java.sql.SQLException e) {
            metrics.failures.increment();
            backoffMs = backoffMs == 0 ? 1_000 : Math.min(backoffMs * 2, 30_000);
            nextAttemptMs = now + backoffMs;
            if (up) log.warn("History database write failed; buffering (up to {} rows) and retrying: {}", buffer.capacity(), e.toString());
            up = false;
        }
    }

    /** Writes everything buffered: positions by COPY in batches, then the legs they changed, then analytics. */
    void flush() throws java.sql.SQLException {
        for (List<PositionRow> batch = buffer.takeBatch(settings.batchSize()); !batch.isEmpty();
             batch = buffer.takeBatch(settings.batchSize())) {
            long start = System.nanoTime();
            ensurePartitions(batch);
            copier.copy(batch);
            buffer.commit();
            metrics.flush.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            metrics.positionsWritten.increment(batch.size());
            for (PositionRow r : batch) newestWrittenMs = Math.max(newestWrittenMs, r.timeMs()); // poll order is not time order
        }
        List<FlightLegs.Leg> changed;
        synchronized (legs) {
            changed = legs.drainChanged();
        }
        try {
            legUpserter.upsert(changed);
        } catch (RuntimeException e) {
            synchronized (legs) {
                legs.requeue(changed); // written with the next successful flush
            }
            throw e;
        }
        metrics.legsWritten.increment(changed.size());
        metrics.analyticsWritten.increment(analytics.flush(jdbc, settings.batchSize()));
    }

    private void ensurePartitions(List<PositionRow> batch) {
        LocalDate last = null;
        for (PositionRow r : batch) {
            LocalDate d = Partitions.dayOf(r.timeMs());
            if (!d.equals(last)) partitions.ensure(d);
            last = d;
        }
    }

    /** Partitions ahead, retention, and forgetting finished legs. */
    private void maintain(long now) {
        LocalDate today = Partitions.dayOf(now);
        partitions.ensureAhead(today, 2);
        partitions.dropBefore(today.minusDays(settings.retentionDays()));
        synchronized (legs) {
            legs.forgetBefore(newestReceivedMs - settings.legGap().toMillis());
        }
        nextMaintenanceMs = now + MAINTENANCE_EVERY_MS;
    }

    public long lagMs() {
        return buffer.size() == 0 ? 0 : Math.max(0, newestReceivedMs - newestWrittenMs);
    }

    public boolean up() {
        return up;
    }

    /** Position rows taken from the hub since start (before any drop). */
    public long received() {
        return received;
    }

    public int buffered() {
        return buffer.size();
    }

    public long dropped() {
        return buffer.dropped();
    }

    /** Stops the thread and makes one last attempt to write what is buffered. */
    @Override
    public void close() {
        running = false;
        poller.interrupt();
        flusher.interrupt();
        try {
            poller.join(5_000);
            flusher.join(5_000);
            pollHub();
            flush();
        } catch (Exception e) {
            log.warn("History writer stopped with {} rows unwritten: {}", buffer.size(), e.toString());
        }
    }
}
