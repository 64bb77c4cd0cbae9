package io.skysentinel.bench;

import io.skysentinel.analytics.workload.SectorDensity;
import io.skysentinel.analytics.workload.SectorIndex;
import io.skysentinel.atc.AreaShape;
import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.source.vatsim.VatsimPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Aircraft per sector over the busiest recorded feed (2023-07-31 19:25:33Z: 1,442 pilots) and every FIR, UIR and
 * TRACON of the shipped reference, busiest first with staffed or not: {@link SectorDensity#busiest} on a built
 * {@link SectorIndex}, beside building the index and a brute force (every polygon's {@code contains} for every pilot).
 * Needs ../shared/data. Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=SectorDensityBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class SectorDensityBenchmark {

    List<AreaShape> sectors;
    SectorIndex index;
    SourceBatch feed;

    @Setup
    public void setUp() throws IOException {
        Path dir = WorkloadEvaluation.dataDir();
        if (dir == null) throw new IllegalStateException("../shared/data/vatsim is absent");
        ReferenceAirports airports = ReferenceAirports.load();
        AtcReference ref = AtcReference.load(airports.catalog());
        sectors = new ArrayList<>();
        for (String kind : List.of(AtcArea.FIR, AtcArea.UIR, AtcArea.TRACON)) sectors.addAll(ref.areas(kind));
        index = new SectorIndex(sectors);
        feed = new VatsimPipeline(airports.catalog(), ref)
                .batch(Files.readAllBytes(dir.resolve("vatsim-data-20230731T192533Z.json")));
    }

    @Benchmark
    public int busiest() {
        return SectorDensity.busiest(index, feed.aircraft(), feed.atc()).size();
    }

    @Benchmark
    public SectorIndex buildIndex() {
        return new SectorIndex(sectors);
    }

    @Benchmark
    public int bruteForce() {
        int n = 0;
        for (AreaShape s : sectors) for (var a : feed.aircraft()) if (s.contains(a.position())) n++;
        return n;
    }
}
