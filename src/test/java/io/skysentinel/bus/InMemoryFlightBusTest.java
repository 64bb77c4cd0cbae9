package io.skysentinel.bus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.SourceBatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryFlightBusTest {

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
            assertThat(bus.awaitIdle(Duration.ofMillis(50))).as("a subscriber still holds the first batch").isFalse();
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
}
