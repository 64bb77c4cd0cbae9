package io.skysentinel.bench;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.ApplyResult;
import io.skysentinel.hub.HubCore;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.statevector.StatesBody;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse a global /states/all body and apply it to the hub, as one OpenSky poll does. Steady state: the hub already
 * holds the previous poll and every aircraft in the new one has moved, so every row is a real change.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=ParseAndApplyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class ParseAndApplyBenchmark {

    @Param({"12000"})
    int rows;

    static final long T0 = 1_766_888_059L;
    final StateVectorParser parser = new StateVectorParser();
    GlobalSnapshotBodies.Body[] bodies;
    HubCore<Aircraft> hub;
    GlobalSnapshotBodies.Body current;
    int next;
    long time;

    @Setup(Level.Trial)
    public void setUp() {
        bodies = new GlobalSnapshotBodies.Body[8];
        for (int i = 0; i < bodies.length; i++) bodies[i] = GlobalSnapshotBodies.body(rows, T0, 1000 + i);
        hub = new HubCore<>(SourceBatch::aircraft, 60_000, 200_000, 100_000);
        time = T0;
        nextPoll();
        apply();
    }

    /** Outside the measurement: the next poll is 5 s later (bodies are cycled and retimed in place). */
    @Setup(Level.Invocation)
    public void nextPoll() {
        time += 5;
        current = bodies[next++ & 7];
        current.retime(time);
    }

    @Benchmark
    public ApplyResult<Aircraft> parseAndApply() {
        return apply();
    }

    /** Parsing alone, for comparison with the combined figure. */
    @Benchmark
    public StatesBody parseOnly() {
        return parser.parse(current.bytes(), "opensky");
    }

    private ApplyResult<Aircraft> apply() {
        StatesBody body = parser.parse(current.bytes(), "opensky");
        return hub.apply(SourceBatch.live("opensky", body.timeUnix() * 1000, body.aircraft()), body.timeUnix() * 1000);
    }
}
