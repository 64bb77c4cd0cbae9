package io.skysentinel.bench;

import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import io.skysentinel.core.AtcLocator;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Placing one feed's ATC positions: 300 callsigns (the mix of a recorded feed: mostly airports, some TRACONs,
 * centres, a range and unplaceable ones) through {@link AtcReference#locate}, as the VATSIM source does every 15 s.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=AtcLocateBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class AtcLocateBenchmark {

    static final String[] MIX = {
        "EGLL_TWR",
        "EGLL_ATIS",
        "JFK_GND",
        "KJFK_DEL",
        "EDDF_N_TWR",
        "EGCC__GND",
        "LFPG_DEL",
        "KLAX_TWR",
        "YSSY_ATIS",
        "RJTT_GND",
        "JFK_APP",
        "LAX_DEP",
        "EGLL_APP",
        "KBDU_APP",
        "LON_S_CTR",
        "NY_CTR",
        "EDGG_CTR",
        "ML-YWE_CTR",
        "NAT_FSS",
        "RU-CEN_FSS",
        "1656772_OBS",
        "TEST",
        "UAE52C",
        "TJ_SUP",
        "EDYY_S_CTR"
    };

    AtcLocator locator;
    String[] callsigns = new String[300];

    @Setup
    public void setUp() {
        locator = AtcReference.load(ReferenceAirports.load().catalog());
        for (int i = 0; i < callsigns.length; i++) callsigns[i] = MIX[i % MIX.length];
    }

    @Benchmark
    public void locateOneFeed(Blackhole bh) {
        for (String c : callsigns) bh.consume(locator.locate(c, 4, 50));
    }
}
