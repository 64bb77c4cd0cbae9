package io.skysentinel.source.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.testing.RecordingBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimSourceTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SimSource source;

    @AfterEach
    void stop() {
        if (source != null) source.stop();
    }

    private SimSource source(FlightBus bus) {
        source = new SimSource(SimProperties.defaults().withTick(Duration.ofMillis(20)), bus, meters, clock);
        return source;
    }

    @Test
    void publishesTheWholeFleetAsLiveBatchesEveryTick() {
        RecordingBus bus = new RecordingBus(100);
        SimSource sim = source(bus);
        assertThat(sim.name()).isEqualTo("sim");
        assertThat(sim.health().state()).isEqualTo(SourceHealth.State.DOWN);

        sim.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.batches().size() >= 3);

        for (SourceBatch batch : bus.batches()) {
            assertThat(batch.source()).isEqualTo("sim");
            assertThat(batch.clockOffsetMs()).isZero();
            assertThat(batch.observedAtMs()).isEqualTo(NOW.toEpochMilli());
            assertThat(batch.aircraft())
                    .hasSize(200)
                    .allSatisfy(a -> assertThat(a.source()).isEqualTo("sim"));
        }
        SourceHealth health = sim.health();
        assertThat(health.state()).isEqualTo(SourceHealth.State.UP);
        assertThat(health.detail()).isEqualTo("200 simulated aircraft");
        assertThat(health.lastSuccess()).isEqualTo(NOW);
        assertThat(health.lastBatchSize()).isEqualTo(200);
        assertThat(meters.get("skysentinel.sim.ticks").counter().count()).isGreaterThanOrEqualTo(3);
        assertThat(meters.get("skysentinel.sim.aircraft").gauge().value()).isEqualTo(200);
    }

    @Test
    void stopEndsTheThreadAndHealthSaysStopped() {
        RecordingBus bus = new RecordingBus(100);
        SimSource sim = source(bus);
        sim.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !bus.batches().isEmpty());
        sim.stop();
        assertThat(sim.health().state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(sim.health().detail()).isEqualTo("stopped");
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("sim-source") && t.isAlive());
    }

    @Test
    void aFailingTickDegradesHealthButLaterTicksStillRun() {
        FailingBus bus = new FailingBus();
        SimSource sim = source(bus);
        sim.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.calls >= 3);
        SourceHealth health = sim.health();
        assertThat(health.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(health.detail()).contains("tick failed").contains("bus is broken");
        assertThat(health.lastError()).isEqualTo(NOW);
    }

    @Test
    void batchesTheBusRefusesAreCounted() {
        RecordingBus bus = new RecordingBus(1);
        SimSource sim = source(bus);
        sim.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.attempts() >= 3);
        assertThat(meters.get("skysentinel.sim.dropped").counter().count()).isGreaterThanOrEqualTo(2);
    }

    private static final class FailingBus implements FlightBus {
        volatile int calls;

        @Override
        public boolean publish(SourceBatch batch) {
            calls++;
            throw new IllegalStateException("bus is broken");
        }

        @Override
        public void subscribe(Consumer<SourceBatch> subscriber) {}
    }

    /** A Kafka ingest instance that lost the leadership and is elected again restarts the same source. */
    @Test
    void aStoppedSimulatorStartsAgain() {
        RecordingBus bus = new RecordingBus(1_000);
        SimSource sim = source(bus);
        sim.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.batches().size() >= 2);
        sim.stop();
        assertThat(sim.health().state()).isEqualTo(SourceHealth.State.DOWN);
        int stopped = bus.batches().size();
        sim.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.batches().size() >= stopped + 2);
        assertThat(sim.health().state()).isEqualTo(SourceHealth.State.UP);
    }
}
