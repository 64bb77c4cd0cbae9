package io.skysentinel.history;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer against a real embedded PostgreSQL that is stopped mid-ingest and started again on the same data
 * directory and port: nothing is lost within the buffer bound; beyond it the oldest rows are dropped and counted.
 */
class HistoryOutageIT {

    static final int AIRCRAFT = 100, CAPACITY = 500;

    TestDatabase db = new TestDatabase();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    LiveHub hub = new LiveHub(HubSettings.defaults(), Clock.systemUTC(), meters);
    HistorySettings settings = new HistorySettings(true, "x", "", "", "unused", 0, 30, CAPACITY, 1_000, 200,
            Duration.ofMillis(50), Duration.ofMinutes(30), Duration.ofSeconds(60));
    HistoryWriter writer = new HistoryWriter(hub, settings, Clock.systemUTC(), db.jdbc, new Partitions(db.jdbc),
            new AnalyticsRecorder(100), NearestAirport.none(), meters).start();
    long second = System.currentTimeMillis() / 1000 - 20;

    @AfterEach
    void tearDown() {
        writer.close();
        db.close();
    }

    @Test
    void anOutageWithinTheBoundLosesNothingAndBeyondItDropsTheOldestWithAMetric() throws Exception {
        feed(2);
        await(() -> positions() == 2 * AIRCRAFT, "first batches written");

        db.stop();
        feed(3); // 300 rows: within the bound of 500
        await(() -> !writer.up(), "the writer notices the outage");
        assertThat(writer.buffered()).isEqualTo(3 * AIRCRAFT);
        db.restart();
        await(() -> positions() == 5 * AIRCRAFT, "everything buffered written after recovery");
        await(writer::up, "the writer reports the database up again"); // set once the whole flush (legs too) is done
        assertThat(writer.dropped()).isZero();

        db.stop();
        long firstOfOutage = second + 1;
        feed(7); // 700 rows into a bound of 500: the oldest 200 go
        await(() -> !writer.up(), "the writer notices the second outage");
        assertThat(writer.buffered()).isEqualTo(CAPACITY);
        assertThat(writer.dropped()).isEqualTo(200);
        assertThat(meters.get("skysentinel.history.rows.dropped").tag("buffer", "positions").functionCounter().count()).isEqualTo(200);
        db.restart();
        await(() -> positions() == 5 * AIRCRAFT + CAPACITY, "the kept rows written after recovery");
        await(writer::up, "the writer reports the database up again");
        // The two oldest seconds of the outage were the ones dropped; the five newest are all there.
        assertThat(db.count("SELECT count(*) FROM positions WHERE time < to_timestamp(?)", firstOfOutage + 2)).isEqualTo(5 * AIRCRAFT);
        assertThat(db.count("SELECT count(DISTINCT time) FROM positions WHERE time >= to_timestamp(?)", firstOfOutage + 2)).isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM flights")).isEqualTo(AIRCRAFT); // one leg each, upserted as it grew
    }

    /** {@code seconds} hub batches, one second apart, each moving every aircraft; waits until the writer took each. */
    private void feed(int seconds) throws InterruptedException {
        for (int s = 0; s < seconds; s++) {
            second++;
            List<Aircraft> batch = new ArrayList<>();
            for (int i = 0; i < AIRCRAFT; i++)
                batch.add(plane(String.format("0a%04x", i)).at(46 + i * 0.01, 7 + (second % 1000) * 0.001).alt(5000 + s).seen(second).build());
            long before = writer.received();
            hub.apply(SourceBatch.live("sim", second * 1000, batch));
            await(() -> writer.received() == before + AIRCRAFT, "the writer took the batch");
        }
    }

    private long positions() {
        try {
            return db.count("SELECT count(*) FROM positions");
        } catch (RuntimeException e) {
            return -1; // the server is still starting
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(20);
        }
    }
}
