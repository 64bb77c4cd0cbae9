package io.skysentinel.bench;

import io.skysentinel.history.Partitions;
import io.skysentinel.history.PositionCopier;
import io.skysentinel.history.PositionRow;
import io.skysentinel.history.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sustained position ingest into the embedded PostgreSQL, the way the history writer does it: batches of 50,000
 * rows (10,000 aircraft × 5 time steps, 5 s apart), each one COPY into the day-partitioned, indexed positions table.
 * Throughput is in rows per second (one operation = one row). The table grows through the run (millions of rows),
 * so index maintenance is included. Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=HistoryIngestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class HistoryIngestBenchmark {

    static final int AIRCRAFT = 10_000, STEPS = 5, BATCH = AIRCRAFT * STEPS;
    static final long T0 = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    static final String[] IDS = new String[AIRCRAFT], CALLSIGNS = new String[AIRCRAFT];

    static {
        for (int a = 0; a < AIRCRAFT; a++) {
            IDS[a] = String.format("%06x", 0x100000 + a);
            CALLSIGNS[a] = "BEN" + a;
        }
    }

    TestDatabase db;
    PositionCopier copier;
    Partitions partitions;
    long step;

    @Setup(Level.Trial)
    public void start() {
        db = new TestDatabase();
        copier = new PositionCopier(db.dataSource);
        partitions = new Partitions(db.jdbc);
    }

    @TearDown(Level.Trial)
    public void stop() {
        System.out.printf("%n[rows in positions: %,d]%n", db.count("SELECT count(*) FROM positions"));
        db.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long copyBatch() throws SQLException {
        List<PositionRow> rows = new ArrayList<>(BATCH);
        for (int s = 0; s < STEPS; s++, step++) {
            long t = T0 + step * 5_000;
            for (int a = 0; a < AIRCRAFT; a++)
                rows.add(new PositionRow(
                        t,
                        IDS[a],
                        CALLSIGNS[a],
                        -60 + (a % 1200) * 0.1 + step * 1e-4,
                        -180 + (a / 1200) * 40 + (a % 7) + step * 1e-4,
                        10_000.0 + a % 500,
                        10_050.0,
                        230.0,
                        (a * 7) % 360.0,
                        0.0,
                        false,
                        "1000",
                        "bench"));
        }
        partitions.ensure(Partitions.dayOf(rows.getFirst().timeMs()));
        partitions.ensure(Partitions.dayOf(rows.getLast().timeMs()));
        return copier.copy(rows);
    }
}
