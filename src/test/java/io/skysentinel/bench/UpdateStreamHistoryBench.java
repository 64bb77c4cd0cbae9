package io.skysentinel.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.history.TestDatabase;
import io.skysentinel.hub.ApplyResult;
import io.skysentinel.hub.Follower;
import io.skysentinel.hub.FollowerRunner;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lossless update stream into history on one machine (docs/benchmarks.md, "Update stream into history"): the
 * real hub, its history follower (bounded queue), the follower runner and the history writer (COPY into the
 * embedded PostgreSQL with its unique (id, time) index), exactly as one process wires them.
 * <ol>
 *   <li>throughput: STEPS batches of AIRCRAFT aircraft, every one moved in every batch, applied as fast as the hub
 *   takes them (replayed batches: the hub waits for room rather than dropping); states per second from the first
 *   apply to the last row committed;</li>
 *   <li>lag: AIRCRAFT aircraft every second for LAG_S seconds (a live feed well above OpenSky's whole world); per
 *   state, the time from the hub accepting it to its row being committed (the writer returned).</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.skysentinel.bench.UpdateStreamHistoryBench
 * -Dbench= -Dbench.args= -Dbench.jvm=-Xmx2g} ({@code -Dus.aircraft=10000 -Dus.steps=100 -Dus.lag=30} in bench.jvm).
 */
public final class UpdateStreamHistoryBench {

    static final int AIRCRAFT = Integer.getInteger("us.aircraft", 10_000);
    static final int STEPS = Integer.getInteger("us.steps", 100);
    static final int LAG_S = Integer.getInteger("us.lag", 30);
    static final long T0 = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    public static void main(String[] args) throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HubSettings hubSettings =
                    new HubSettings(Duration.ofDays(3650), 1_000_000, 100_000, Duration.ofSeconds(60));
            LiveHub<Aircraft> hub = LiveHub.forAircraft(hubSettings, Clock.systemUTC(), meters);
            HistorySettings s = TestDatabase.settings(1_000_000, 50_000, Duration.ofMillis(500));
            HistoryWriter writer = db.writer(s, meters);
            Timing timing = new Timing(writer);
            Follower<Aircraft> queue = hub.follow("history", s.bufferCapacity());
            try (FollowerRunner<Aircraft> runner = new FollowerRunner<>(
                            queue,
                            timing,
                            () -> hub.snapshot().entities(),
                            s.batchSize(),
                            s.flushInterval().toMillis())
                    .start()) {
                throughput(hub, timing, 0, 5); // warm-up: JIT, partitions, index
                throughput(hub, timing, 5, STEPS);
                lag(hub, timing, 5 + STEPS);
            }
            System.out.printf(
                    "history follower: %,d offered, %,d dropped; rows in positions: %,d%n",
                    queue.offered(), queue.dropped(), db.count("SELECT count(*) FROM positions"));
        }
    }

    static SourceBatch batch(long second, boolean replay) {
        List<Aircraft> out = new ArrayList<>(AIRCRAFT);
        for (int i = 0; i < AIRCRAFT; i++) {
            double step = (second - T0) * 1e-4;
            double lat = -60 + (i % 1200) * 0.1 + step, lon = -180 + (i / 1200) * 40 + (i % 7) + step;
            out.add(Aircraft.adsb(String.format("%06x", 0x100000 + i), "bench")
                    .callsign("BEN" + i)
                    .position(lat, lon)
                    .altitudeM(10_000.0 + i % 500)
                    .geoAltitudeM(10_050.0)
                    .velocityMps(230.0)
                    .headingDeg((i * 7) % 360.0)
                    .verticalRateMps(0.0)
                    .squawk("1000")
                    .timePositionUnix(second)
                    .lastContactUnix(second)
                    .build());
        }
        return replay
                ? SourceBatch.replayed("bench", second * 1000, 0, out)
                : SourceBatch.live("bench", second * 1000, out);
    }

    static void throughput(LiveHub<Aircraft> hub, Timing timing, int fromStep, int steps) throws InterruptedException {
        List<SourceBatch> batches = new ArrayList<>();
        for (int k = 0; k < steps; k++) batches.add(batch(T0 + fromStep + k, true));
        long target = timing.written.get() + (long) steps * AIRCRAFT;
        long start = System.nanoTime();
        for (SourceBatch b : batches) hub.apply(b);
        long applied = System.nanoTime();
        while (timing.written.get() < target) Thread.sleep(5);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "throughput: %,d states in %.2f s = %,.0f states/s into history (hub applied them in %.2f s)%n",
                (long) steps * AIRCRAFT, seconds, steps * AIRCRAFT / seconds, (applied - start) / 1e9);
    }

    static void lag(LiveHub<Aircraft> hub, Timing timing, int fromStep) throws InterruptedException {
        timing.lagsMs.clear();
        long next = System.nanoTime();
        for (int k = 0; k < LAG_S; k++) {
            SourceBatch b = batch(T0 + fromStep + k, false);
            long t = System.nanoTime();
            ApplyResult<Aircraft> r = hub.apply(b);
            timing.applied(r.delta().fromSeq(), r.delta().toSeq(), t);
            next += 1_000_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        Thread.sleep(2_000);
        long[] lags = timing.lagsMs.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "lag accepted -> committed, %,d states at %,d/s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                lags.length, AIRCRAFT, pct(lags, 50), pct(lags, 90), pct(lags, 99), lags[lags.length - 1]);
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    /** Wraps the writer: counts committed rows and, for timed batches, each state's accepted-to-committed time. */
    static final class Timing implements UpdateHandler<Aircraft> {
        final HistoryWriter writer;
        final AtomicLong written = new AtomicLong();
        final List<Long> lagsMs = java.util.Collections.synchronizedList(new ArrayList<>());
        private long[] fromSeq = new long[0], toSeq = new long[0], atNanos = new long[0];

        Timing(HistoryWriter writer) {
            this.writer = writer;
        }

        synchronized void applied(long from, long to, long nanos) {
            int n = fromSeq.length;
            fromSeq = Arrays.copyOf(fromSeq, n + 1);
            toSeq = Arrays.copyOf(toSeq, n + 1);
            atNanos = Arrays.copyOf(atNanos, n + 1);
            fromSeq[n] = from;
            toSeq[n] = to;
            atNanos[n] = nanos;
        }

        @Override
        public void handle(List<Update<Aircraft>> updates) throws Exception {
            writer.handle(updates);
            long now = System.nanoTime();
            written.addAndGet(updates.size());
            synchronized (this) {
                for (Update<Aircraft> u : updates) {
                    for (int i = fromSeq.length - 1; i >= 0; i--) {
                        if (u.seq() > fromSeq[i] && u.seq() <= toSeq[i]) {
                            lagsMs.add((now - atNanos[i]) / 1_000_000);
                            break;
                        }
                    }
                }
            }
        }

        @Override
        public void idle() throws Exception {
            writer.idle();
        }
    }
}
