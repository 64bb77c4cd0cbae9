package io.skysentinel.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.SourceBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Live batches never wait (the oldest is dropped, counted); replayed ones wait for room and are never dropped. */
class InMemoryFlightBusTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void liveBatchesPushTheOldestOutWhenTheSubscriberIsStuckAndCountIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (InMemoryFlightBus bus = new InMemoryFlightBus(2, meters)) {
            bus.subscribe(b -> {
                busy.countDown();
                await(release);
                seen.add(b.observedAtMs());
            });
            bus.publish(SourceBatch.live("sim", 1, List.of()));
            await(busy); // the subscriber holds batch 1
            for (long t = 2; t <= 6; t++) bus.publish(SourceBatch.live("sim", t, List.of()));
            release.countDown();
            waitFor(() -> seen.contains(6L));
        }
        double dropped = meters.get("skysentinel.bus.batches")
                .tag("outcome", "dropped")
                .counter()
                .count();
        // one batch was in the subscriber's hands, two fit in the queue: 6 - 1 - 2 dropped, the newest kept
        assertThat(dropped).isEqualTo(3);
        assertThat(seen).containsExactly(1L, 5L, 6L);
    }

    @Test
    void replayedBatchesWaitForRoomInsteadOfBeingDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (InMemoryFlightBus bus = new InMemoryFlightBus(2, meters)) {
            bus.subscribe(b -> {
                await(release);
                seen.add(b.observedAtMs());
            });
            Thread replay = Thread.ofPlatform().start(() -> {
                for (long t = 1; t <= 6; t++) bus.publish(SourceBatch.replayed("replay", t, 0, List.of()));
            });
            replay.join(300);
            assertThat(replay.isAlive())
                    .as("the replay waits while the bus is full")
                    .isTrue();
            release.countDown();
            replay.join(10_000);
            waitFor(() -> seen.size() == 6);
        }
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(meters.get("skysentinel.bus.batches")
                        .tag("outcome", "dropped")
                        .counter()
                        .count())
                .isZero();
    }

    /** An ingest leader stepping down waits for this before its last updates go out. */
    @Test
    void awaitIdleReturnsOnlyOnceEveryPublishedBatchWasHandedToTheSubscribers() throws Exception {
        try (InMemoryFlightBus bus = new InMemoryFlightBus(16, new SimpleMeterRegistry())) {
            CountDownLatch release = new CountDownLatch(1);
            List<SourceBatch> delivered = new CopyOnWriteArrayList<>();
            bus.subscribe(b -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delivered.add(b);
            });
            for (int i = 0; i < 3; i++) bus.publish(SourceBatch.live("sim", i, List.of()));
            assertThat(bus.awaitIdle(Duration.ofMillis(50)))
                    .as("a subscriber still holds the first batch")
                    .isFalse();
            release.countDown();
            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(delivered).hasSize(3);
        }
    }

    @Test
    void droppedBatchesDoNotKeepTheBusBusy() throws Exception {
        try (InMemoryFlightBus bus = new InMemoryFlightBus(1, new SimpleMeterRegistry())) {
            CountDownLatch release = new CountDownLatch(1);
            bus.subscribe(b -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 10; i++) bus.publish(SourceBatch.live("sim", i, List.of())); // most are dropped
            release.countDown();
            assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(done.getAsBoolean()).isTrue();
    }
}
