package io.skysentinel.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.enrichment.EnrichingFlightBus;
import io.skysentinel.enrichment.StandingData;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What telling every state who its aircraft is costs a poll: the recorded global OpenSky snapshot of 2025-12-28
 * (../shared/data) through {@link EnrichingFlightBus#publish} with the shipped standing data and, in the second
 * case, the FlightAware export (273,646 rows) imported on top. The bus behind it drops the batch, so this is the
 * enrichment alone. Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=EnrichmentBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class EnrichmentBenchmark {

    SourceBatch poll;
    EnrichingFlightBus shipped;
    EnrichingFlightBus imported;

    /** Takes the batch and keeps nothing. */
    static final class NullBus implements FlightBus {
        SourceBatch last;

        @Override
        public boolean publish(SourceBatch batch) {
            last = batch;
            return true;
        }

        @Override
        public void subscribe(Consumer<SourceBatch> subscriber) {}
    }

    @Setup
    public void setUp() throws IOException {
        Path body = SharedData.file("opensky", "states-global-20251228-01.json");
        Path fa = SharedData.file("aircraft", "aircraft-flightaware-20250514-slice.csv");
        if (body == null || fa == null) throw new IllegalStateException("needs ../shared/data");
        poll = SourceBatch.live(
                "opensky",
                0,
                new StateVectorParser()
                        .parse(Files.readAllBytes(body), "opensky")
                        .aircraft());
        shipped = new EnrichingFlightBus(
                new NullBus(), StandingData.load(List.of()).database(), new SimpleMeterRegistry());
        imported = new EnrichingFlightBus(
                new NullBus(), StandingData.load(List.of(fa)).database(), new SimpleMeterRegistry());
    }

    @Benchmark
    public boolean shippedStandingData() {
        return shipped.publish(poll);
    }

    @Benchmark
    public boolean withFlightAwareImport() {
        return imported.publish(poll);
    }
}
