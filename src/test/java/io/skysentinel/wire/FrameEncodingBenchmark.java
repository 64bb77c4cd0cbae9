package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import java.util.List;
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
 * Encode a delta frame of 10,000 upserts and 100 removals, as the push side does once per 200 ms tick per view and
 * format when the whole picture changes (a global OpenSky poll landing). Aircraft are fully populated and
 * airborne, a third with sensors, so the frame is near the largest a tick produces.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=FrameEncodingBenchmark}. The frame size in bytes is
 * printed once per trial ("frame bytes").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class FrameEncodingBenchmark {

    @Param({"JSON", "MSGPACK"})
    WireFormat format;

    @Param({"10000"})
    int aircraft;

    FrameEncoder encoder;
    List<Aircraft> upserts;
    List<String> removals;
    long seq;

    @Setup(Level.Trial)
    public void setUp() {
        encoder = FrameEncoder.of(format);
        upserts = WireFixtures.many(aircraft);
        removals = WireFixtures.many(100).stream()
                .map(a -> "f" + a.icao24().substring(1))
                .toList();
        System.out.println("\nframe bytes " + format + ": " + encode().length);
    }

    @Benchmark
    public byte[] encodeDelta() {
        return encode();
    }

    private byte[] encode() {
        return encoder.delta(++seq, 1_000_000 + seq, WireFixtures.T0_MS + seq * 200, upserts, removals);
    }
}
