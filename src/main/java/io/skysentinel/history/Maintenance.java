package io.skysentinel.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maintenance now, on request (POST /api/performance/optimize): {@code VACUUM (ANALYZE)} on every history table (a
 * partitioned table with its partitions), then the partition work the writer otherwise does on its schedule: day
 * partitions ahead, retention. One run at a time.
 */
public final class Maintenance {

    /** One step: what, on which table, how long it took, and what came of it. */
    public record Step(String step, String target, long ms, String result) {}

    public record Report(List<Step> steps, long totalMs) {}

    /** Another run is going on. */
    public static final class BusyException extends RuntimeException {
        BusyException() {
            super("A maintenance run is already going on; try again when it has finished");
        }
    }

    private final JdbcTemplate jdbc;
    private final DatabaseInfo info;
    private final Partitions partitions;
    private final int retentionDays;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public Maintenance(JdbcTemplate jdbc, DatabaseInfo info, Partitions partitions, int retentionDays, Clock clock) {
        this.jdbc = jdbc;
        this.info = info;
        this.partitions = partitions;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    public Report run() {
        if (!running.tryLock()) throw new BusyException();
        try {
            long start = System.nanoTime();
            List<Step> steps = new ArrayList<>();
            for (DatabaseInfo.Table t : info.tables()) {
                long t0 = System.nanoTime();
                // The name comes from the catalogue, quoted as an identifier all the same.
                jdbc.execute("VACUUM (ANALYZE) " + quoted(t.name()));
                steps.add(new Step("vacuum_analyze", t.name(), ms(t0), "done"));
            }
            LocalDate today = Partitions.dayOf(clock.millis());
            long t0 = System.nanoTime();
            partitions.ensureAhead(today, 2);
            steps.add(new Step(
                    "partitions_ahead", "positions", ms(t0), "day partitions exist through " + today.plusDays(2)));
            t0 = System.nanoTime();
            List<String> dropped = partitions.dropBefore(today.minusDays(retentionDays));
            steps.add(new Step(
                    "retention",
                    "positions",
                    ms(t0),
                    dropped.isEmpty()
                            ? "nothing older than " + retentionDays + " days"
                            : "dropped " + String.join(", ", dropped)));
            return new Report(steps, ms(start));
        } finally {
            running.unlock();
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
