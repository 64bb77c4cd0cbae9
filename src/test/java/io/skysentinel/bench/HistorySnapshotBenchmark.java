package io.skysentinel.bench;

import io.skysentinel.history.Partitions;
import io.skysentinel.history.PositionQueries;
import io.skysentinel.history.PositionRow;
import io.skysentinel.history.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sky at a past moment (GET /api/history/snapshot's query) over {@code hours} of 10,000 aircraft reporting every
 * 5 s (720,000 rows an hour), generated inside PostgreSQL in time order as the writer would have stored it. Each
 * operation asks for a random moment (60 s window, as the endpoint's default): the whole world, and a 20°×20° box.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=HistorySnapshotBenchmark
 * -Dbench.args="-f 1 -wi 3 -i 5 -p hours=6"} (one command line).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class HistorySnapshotBenchmark {

    static final int AIRCRAFT = 10_000;
    static final long T0 = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
    static final long WINDOW_MS = 60_000;

    @Param({"2"})
    int hours;

    TestDatabase db;
    PositionQueries queries;
    final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void generate() {
        // Kept across trials and runs (each @Benchmark method is a trial): generate once, delete the directory after.
        db = new TestDatabase(java.nio.file.Path.of("target", "bench-snapshot-" + hours + "h"));
        queries = new PositionQueries(db.jdbc);
        Partitions p = new Partitions(db.jdbc);
        long start = System.nanoTime();
        long present = db.count("SELECT count(*) FROM positions");
        for (int h = (int) (present / (720L * AIRCRAFT)); h < hours; h++) {
            long from = T0 + h * 3_600_000L;
            p.ensure(Partitions.dayOf(from));
            // The inner series refers to ts (times zero), which forces time to be the outer loop: rows land in time
            // order, as live ingest writes them. BRIN relies on it; a plain cross join lets the planner swap the loops.
            db.jdbc.update(
                    """
                    INSERT INTO positions (time, id, callsign, lat, lon, baro_altitude_m, geo_altitude_m, velocity_mps,
                                           heading_deg, vertical_rate_mps, on_ground, squawk, source)
                    SELECT ts, lpad(to_hex(1048576 + a), 6, '0'), 'BEN' || a,
                           -60 + (a % 1200) * 0.1 + extract(epoch FROM ts - ?::timestamptz) / 1e5,
                           -180 + (a / 1200) * 40 + (a % 7) + extract(epoch FROM ts - ?::timestamptz) / 1e5,
                           10000 + a % 500, 10050, 230, (a * 7) % 360, 0, false, '1000', 'bench'
                    FROM generate_series(?::timestamptz, ?::timestamptz, interval '5 seconds') ts,
                         LATERAL generate_series(0, ? - 1 + 0 * extract(epoch FROM ts)::int) a""",
                    new Timestamp(T0),
                    new Timestamp(T0),
                    new Timestamp(from),
                    new Timestamp(from + 3_600_000L - 5_000),
                    AIRCRAFT);
            System.out.printf(
                    "[generated hour %d of %d: %,d rows so far, %.0f s]%n",
                    h + 1, hours, (h + 1) * 720L * AIRCRAFT, (System.nanoTime() - start) / 1e9);
        }
        if (present < hours * 720L * AIRCRAFT) db.jdbc.execute("VACUUM ANALYZE positions"); // as autovacuum would have
        long at = T0 + hours * 3_600_000L / 2;
        System.out.println("[plan for one snapshot]");
        db.jdbc
                .queryForList(
                        "EXPLAIN (ANALYZE, BUFFERS) SELECT DISTINCT ON (id) * FROM positions WHERE time > ? AND time "
                                + "<= ?"
                                + " ORDER BY id, time DESC",
                        String.class,
                        new Timestamp(at - WINDOW_MS),
                        new Timestamp(at))
                .forEach(l -> System.out.println("  " + l));
        System.out.println("[partitions] " + p.list() + ", database "
                + db.count("SELECT pg_database_size(current_database())") / 1_000_000 + " MB");
    }

    @TearDown(Level.Trial)
    public void stop() {
        db.close();
    }

    private long randomMoment() {
        return T0 + WINDOW_MS + random.nextLong(hours * 3_600_000L - WINDOW_MS);
    }

    @Benchmark
    public List<PositionRow> wholeWorld() {
        List<PositionRow> r = queries.snapshot(randomMoment(), WINDOW_MS, null);
        if (r.size() != AIRCRAFT) throw new IllegalStateException("expected every aircraft, got " + r.size());
        return r;
    }

    @Benchmark
    public List<PositionRow> box20x20() {
        return queries.snapshot(randomMoment(), WINDOW_MS, new io.skysentinel.core.BoundingBox(0, 0, 20, 20));
    }
}
