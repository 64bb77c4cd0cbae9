package io.skysentinel.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the update stream: every accepted state with a position becomes a row of {@code positions} (one COPY per
 * batch), folded into its flight leg; analytics results buffered by the {@link AnalyticsRecorder} are written with
 * each batch. A handler of the lossless stream, driven by a hub follower (one process: the follower's bounded queue
 * absorbs a database outage, and drops, counted, beyond it) or by the flights.updates consumer (the Kafka history
 * role, which commits only after this returns). A failed write throws, and the same updates come again: every write
 * is idempotent (positions by (id, time), legs by upsert, movements and events by their unique keys).
 */
public final class HistoryWriter implements UpdateHandler<Aircraft> {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final long MAINTENANCE_EVERY_MS = 3_600_000;
    /** Flights whose last flight plan the writer remembers (VATSIM has a few thousand online). */
    static final int PLAN_TRACKED = 100_000;

    private final HistorySettings settings;
    private final Clock clock;
    private final PositionCopier copier;
    private final LegUpserter legUpserter;
    private final Partitions partitions;
    private final AnalyticsRecorder analytics;
    private final FlightLegs legs;
    private final FlightPlans plans;
    private final FlightPlanUpserter planUpserter;
    private final HistoryMetrics metrics;
    private volatile boolean up = true;
    private volatile long received;
    private volatile long newestReceivedMs, newestWrittenMs;
    private long nextMaintenanceMs;
    // The rows of the update list being written: a retry of the same list must not fold it into the legs again.
    private List<Update<Aircraft>> preparedFor;
    private List<PositionRow> prepared;

    public HistoryWriter(
            HistorySettings settings,
            Clock clock,
            JdbcTemplate jdbc,
            Partitions partitions,
            AnalyticsRecorder analytics,
            AirportCatalog airports,
            double airportRadiusM,
            MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.copier = new PositionCopier(jdbc.getDataSource());
        this.legUpserter = new LegUpserter(jdbc);
        this.partitions = partitions;
        this.analytics = analytics;
        this.legs = new FlightLegs(settings.legGap().toMillis(), 300, airports, airportRadiusM);
        this.plans = new FlightPlans(settings.planRefresh().toMillis(), PLAN_TRACKED, settings.storeNames());
        this.planUpserter = new FlightPlanUpserter(jdbc, settings.batchSize());
        this.metrics = new HistoryMetrics(meters, analytics, copier, plans, this::lagMs, () -> up);
    }

    @Override
    public void handle(List<Update<Aircraft>> updates) throws SQLException {
        if (updates != preparedFor) {
            List<PositionRow> fresh = rows(updates);
            // Rows of a failed attempt that is not offered again (a Kafka rebalance dropped it; its records come back
            // as a new list) are folded into the legs already, whose de-duplication would keep them out for good:
            // they are written with this list instead. Bounded by what the consumer had in flight.
            prepared = prepared == null ? fresh : concat(prepared, fresh);
            preparedFor = updates;
        }
        guarded(() -> write(prepared));
        preparedFor = null;
        prepared = null;
    }

    @Override
    public void idle() throws SQLException {
        guarded(() -> write(List.of()));
    }

    private static List<PositionRow> concat(List<PositionRow> a, List<PositionRow> b) {
        List<PositionRow> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /**
     * Position rows of the accepted states, each folded into its leg, and their flight plans. Removals need no
     * position row (history keeps what was seen); they give a flight plan its last last_seen.
     */
    private List<PositionRow> rows(List<Update<Aircraft>> updates) {
        List<PositionRow> rows = new ArrayList<>(updates.size());
        for (Update<Aircraft> u : updates) {
            if (!(u instanceof Update.Upsert<Aircraft> up)) {
                plans.removed(u.state());
                continue;
            }
            plans.accept(up.state());
            PositionRow row = PositionRow.of(up.state());
            if (row == null || !legs.accept(row)) continue; // no position, or the same position time again
            rows.add(row);
            received++;
            if (row.timeMs() > newestReceivedMs) newestReceivedMs = row.timeMs();
        }
        return rows;
    }

    private interface Write {
        void run() throws SQLException;
    }

    private void guarded(Write w) throws SQLException {
        try {
            w.run();
            if (!up) log.info("History database reachable again; writing resumed");
            up = true;
        } catch (SQLException | RuntimeException e) {
            metrics.failures.increment();
            if (up) log.warn("History database write failed; retrying: {}", e.toString());
            up = false;
            throw e;
        }
    }

    /** Positions by COPY, then the legs they changed, flight plans, then analytics results. */
    private void write(List<PositionRow> rows) throws SQLException {
        long now = clock.millis();
        if (now >= nextMaintenanceMs) maintain(now);
        for (int from = 0; from < rows.size(); from += settings.batchSize()) {
            List<PositionRow> batch = rows.subList(from, Math.min(rows.size(), from + settings.batchSize()));
            long start = System.nanoTime();
            ensurePartitions(batch);
            copier.copy(batch);
            metrics.flush.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            metrics.positionsWritten.increment(batch.size());
            for (PositionRow r : batch) newestWrittenMs = Math.max(newestWrittenMs, r.timeMs());
        }
        List<FlightLegs.Leg> changed = legs.drainChanged();
        try {
            legUpserter.upsert(changed);
        } catch (RuntimeException e) {
            legs.requeue(changed); // written with the next successful write
            throw e;
        }
        metrics.legsWritten.increment(changed.size());
        List<FlightPlanRow> planRows = plans.drainChanged();
        try {
            planUpserter.upsert(planRows);
        } catch (RuntimeException e) {
            plans.requeue(planRows);
            throw e;
        }
        metrics.plansWritten.increment(planRows.size());
        metrics.analyticsWritten.increment(analytics.flush());
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
        legs.forgetBefore(newestReceivedMs - settings.legGap().toMillis());
        nextMaintenanceMs = now + MAINTENANCE_EVERY_MS;
    }

    /** Data time between the newest position received and the newest written. */
    public long lagMs() {
        return Math.max(0, newestReceivedMs - newestWrittenMs);
    }

    public boolean up() {
        return up;
    }

    /** Position rows taken from the stream since start (new positions, before any write). */
    public long received() {
        return received;
    }
}
