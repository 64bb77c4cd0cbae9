package io.skysentinel.history;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.Follower;
import io.skysentinel.hub.FollowerRunner;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer on a hub follower against a real embedded PostgreSQL that is stopped mid-ingest and started again on
 * the same data directory and port: nothing is lost within the queue bound; beyond it the oldest states are dropped
 * and counted. One batch (one second of traffic) is in the writer's hands when the outage starts; it is retried, not
 * dropped.
 */
class HistoryOutageIT {

    static final int AIRCRAFT = 100, CAPACITY = 500;

    TestDatabase db = new TestDatabase();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    LiveHub<Aircraft> hub = LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), meters);
    HistorySettings settings = TestDatabase.settings(CAPACITY, AIRCRAFT, Duration.ofMillis(50));
    HistoryWriter writer = db.writer(settings, meters);
    Follower<Aircraft> queue = hub.follow("history", CAPACITY);
    FollowerRunner<Aircraft> runner = new FollowerRunner<>(
                    queue,
                    writer,
                    () -> hub.snapshot().entities(),
                    AIRCRAFT,
                    settings.flushInterval().toMillis())
            .start();
    long second = System.currentTimeMillis() / 1000 - 20;

    @AfterEach
    void tearDown() {
        runner.close();
        db.close();
    }

    @Test
    void anOutageWithinTheBoundLosesNothingAndBeyondItDropsTheOldestWithAMetric() throws Exception {
        feed(2);
        await(() -> positions() == 2 * AIRCRAFT, "first batches written");
        // and their legs, written after the COPY: stopping the server before that would fail the write of the first
        // batches (the writer down early, the next second's batch still queued)
        long lastFed = second;
        await(
                () -> db.count("SELECT count(*) FROM flights WHERE last_seen = to_timestamp(?)", lastFed) == AIRCRAFT,
                "first legs written");

        db.stop();
        feed(1);
        await(() -> !writer.up(), "the writer notices the outage"); // holding that second's batch
        feed(3); // 300 more states: within the queue's bound of 500
        assertThat(queue.depth()).isEqualTo(3 * AIRCRAFT);
        db.restart();
        await(() -> positions() == 6 * AIRCRAFT, "everything queued written after recovery");
        await(writer::up, "the writer reports the database up again");
        assertThat(queue.dropped()).isZero();

        db.stop();
        feed(1);
        await(() -> !writer.up(), "the writer notices the second outage");
        long firstQueued = second + 1;
        feed(7); // 700 states into a bound of 500: the oldest 200 go
        assertThat(queue.depth()).isEqualTo(CAPACITY);
        assertThat(queue.dropped()).isEqualTo(200);
        assertThat(meters.get("skysentinel.hub.follower.dropped")
                        .tag("follower", "history")
                        .functionCounter()
                        .count())
                .isEqualTo(200);
        db.restart();
        await(() -> positions() == 7 * AIRCRAFT + CAPACITY, "the kept states written after recovery");
        await(writer::up, "the writer reports the database up again");
        // The two oldest queued seconds were the ones dropped; the batch in hand and the five newest are all there.
        assertThat(db.count("SELECT count(DISTINCT time) FROM positions WHERE time >= to_timestamp(?)", firstQueued))
                .isEqualTo(5);
        assertThat(db.count(
                        "SELECT count(*) FROM positions WHERE time >= to_timestamp(?) AND time < to_timestamp(?)",
                        firstQueued,
                        firstQueued + 2))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM flights")).isEqualTo(AIRCRAFT); // one leg each, upserted as it grew
    }

    /** {@code seconds} hub batches, one second apart, each moving every aircraft. */
    private void feed(int seconds) {
        for (int s = 0; s < seconds; s++) {
            second++;
            List<Aircraft> batch = new ArrayList<>();
            for (int i = 0; i < AIRCRAFT; i++)
                batch.add(plane(String.format("0a%04x", i))
                        .at(46 + i * 0.01, 7 + (second % 1000) * 0.001)
                        .alt(5000 + s)
                        .seen(second)
                        .build());
            hub.apply(SourceBatch.live("sim", second * 1000, batch));
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
