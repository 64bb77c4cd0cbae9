package io.skysentinel.hub;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The lossless update stream: bounded per-follower queues, counted drops, and a hub nobody can slow down. */
class FollowerTest {

    static final long T = 1_766_888_059L;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LiveHub<Aircraft> hub = LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), meters);

    /** One state of each of {@code n} aircraft at second {@code t}: n upserts. */
    static SourceBatch second(long t, int n, boolean replay) {
        List<Aircraft> states = new ArrayList<>();
        for (int i = 0; i < n; i++)
            states.add(plane(String.format("ab%04x", i))
                    .at(40, -73 + t % 100 * 0.001)
                    .seen(t)
                    .build());
        return replay ? SourceBatch.replayed("replay", t * 1000, 0, states) : SourceBatch.live("sim", t * 1000, states);
    }

    /** Collects what it is handed, on the runner's thread. */
    static final class Collector implements UpdateHandler<Aircraft> {
        final List<Update<Aircraft>> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(List<Update<Aircraft>> updates) {
            seen.addAll(updates);
        }
    }

    @Test
    void aFollowerThatStopsReadingSlowsNeitherTheHubNorTheOthersAndCountsExactlyWhatItLost() throws Exception {
        Follower<Aircraft> stalled = hub.follow("stalled", 250);
        Collector collector = new Collector();
        try (FollowerRunner<Aircraft> reader = new FollowerRunner<>(
                        hub.follow("reader", 100_000),
                        collector,
                        () -> hub.snapshot().entities(),
                        1_000,
                        0)
                .start()) {
            for (int s = 0; s < 100; s++) hub.apply(second(T + s, 10, false));
            await(() -> collector.seen.size() == 1_000);
        }
        assertThat(hub.seq()).isEqualTo(1_000);
        // the reader got every update, in hub order
        List<Long> seqs = collector.seen.stream().map(Update::seq).toList();
        assertThat(seqs).hasSize(1_000).isSorted().doesNotHaveDuplicates();
        // the stalled one keeps its bound of the newest, and counts exactly the rest
        assertThat(stalled.offered()).isEqualTo(1_000);
        assertThat(stalled.depth()).isEqualTo(250);
        assertThat(stalled.dropped()).isEqualTo(750);
        assertThat(meters.get("skysentinel.hub.follower.dropped")
                        .tag("follower", "stalled")
                        .functionCounter()
                        .count())
                .isEqualTo(750);
        Follower.Taken<Aircraft> kept = stalled.take(1_000, 0);
        assertThat(kept.lost()).isEqualTo(750);
        assertThat(kept.updates()).extracting(Update::seq).first().isEqualTo(751L);
        assertThat(kept.updates()).extracting(Update::seq).last().isEqualTo(1_000L);
    }

    @Test
    void takeSplitsAnApplysChunkAndReportsLossesOnce() throws Exception {
        Follower<Aircraft> f = hub.follow("f", 15);
        hub.apply(second(T, 10, false));
        hub.apply(second(T + 1, 10, false)); // 20 into 15: the oldest 5 dropped
        Follower.Taken<Aircraft> a = f.take(4, 0);
        assertThat(a.lost()).isEqualTo(5);
        assertThat(a.updates()).extracting(Update::seq).containsExactly(6L, 7L, 8L, 9L);
        Follower.Taken<Aircraft> b = f.take(100, 0);
        assertThat(b.lost()).isZero();
        assertThat(b.updates()).extracting(Update::seq).first().isEqualTo(10L);
        assertThat(b.updates()).hasSize(11);
        assertThat(f.take(100, 0).updates()).isEmpty();
    }

    @Test
    void aBatchLargerThanTheBoundKeepsItsNewestUpdates() throws Exception {
        Follower<Aircraft> f = hub.follow("small", 3);
        hub.apply(second(T, 10, false));
        Follower.Taken<Aircraft> t = f.take(100, 0);
        assertThat(t.lost()).isEqualTo(7);
        assertThat(t.updates()).extracting(Update::seq).containsExactly(8L, 9L, 10L);
    }

    @Test
    void lagIsTheAgeOfTheOldestWaitingUpdate() throws Exception {
        Follower<Aircraft> f = hub.follow("f", 100);
        assertThat(f.lagMs(System.currentTimeMillis())).isZero();
        hub.apply(second(T, 2, false));
        long later = System.currentTimeMillis() + 5_000;
        assertThat(f.lagMs(later)).isBetween(4_900L, 5_100L);
        f.take(100, 0);
        assertThat(f.lagMs(later)).isZero();
    }

    @Test
    void aReplayedBatchWaitsForRoomInsteadOfDropping() throws Exception {
        Follower<Aircraft> f = hub.follow("slow", 10);
        hub.apply(second(T, 10, true)); // fills it
        CountDownLatch applied = new CountDownLatch(1);
        Thread source = Thread.ofPlatform().start(() -> {
            hub.apply(second(T + 1, 10, true));
            applied.countDown();
        });
        assertThat(applied.await(300, TimeUnit.MILLISECONDS))
                .as("waits while the follower is full")
                .isFalse();
        assertThat(f.take(10, 0).updates()).hasSize(10); // the follower reads: room again
        assertThat(applied.await(10, TimeUnit.SECONDS)).isTrue();
        source.join();
        assertThat(f.dropped()).isZero();
        assertThat(f.take(10, 0).updates()).extracting(Update::seq).first().isEqualTo(11L);
    }

    @Test
    void aReplayWaitsOnlyAsLongAsAllowedForAFollowerThatStopped() {
        LiveHub<Aircraft> bounded = LiveHub.forAircraft(
                new HubSettings(Duration.ofSeconds(60), 1_000, 1_000, Duration.ofMillis(50)),
                Clock.systemUTC(),
                meters);
        Follower<Aircraft> stopped = bounded.follow("stopped", 10);
        bounded.apply(second(T, 10, true));
        bounded.apply(second(T + 1, 10, true)); // waits 50 ms, then goes on: the follower drops, counted
        assertThat(bounded.seq()).isEqualTo(20);
        assertThat(stopped.dropped()).isEqualTo(10);
        assertThat(meters.get("skysentinel.hub.backpressure.timeouts").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aHandlerThatFailsGetsTheSameUpdatesAgainAndNothingIsLost() throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Collector collector = new Collector();
        UpdateHandler<Aircraft> flaky = updates -> {
            if (failOnce.getAndSet(false)) throw new IllegalStateException("database down");
            collector.handle(updates);
        };
        try (FollowerRunner<Aircraft> r = new FollowerRunner<>(
                        hub.follow("flaky", 1_000), flaky, () -> hub.snapshot().entities(), 1_000, 0)
                .start()) {
            hub.apply(second(T, 5, false));
            await(() -> collector.seen.size() == 5);
            assertThat(r.failures()).isEqualTo(1);
        }
        assertThat(collector.seen).extracting(Update::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void closingHandsOverWhatIsStillQueued() {
        Collector collector = new Collector();
        FollowerRunner<Aircraft> r = new FollowerRunner<>(
                hub.follow("closing", 1_000),
                collector,
                () -> hub.snapshot().entities(),
                2,
                60_000); // lingers a minute: only close() can flush it
        r.start();
        hub.apply(second(T, 7, false));
        r.close();
        assertThat(collector.seen).extracting(Update::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        hub.apply(second(T + 1, 3, false));
        assertThat(hub.follower("closing")).as("a closed follower is forgotten").isEmpty();
    }

    @Test
    void aNameFollowsOnceAtATimeAndAReplacementReportsItsOwnCounts() {
        Follower<Aircraft> first = hub.follow("publisher", 100);
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> hub.follow("publisher", 100));
        hub.apply(second(T, 4, false));
        first.close();
        Follower<Aircraft> second = hub.follow("publisher", 100);
        hub.apply(second(T + 1, 2, false));
        assertThat(second.offered()).isEqualTo(2);
        assertThat(meters.get("skysentinel.hub.follower.offered")
                        .tag("follower", "publisher")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
    }

    static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
    }
}
