package io.skysentinel.analytics;

import io.skysentinel.analytics.airports.CatalogAirportIndex;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AnalyticsListener;
import java.util.List;
import java.util.SplittableRandom;
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
 * What one global poll costs live analytics: 12,000 airborne aircraft (a fifth of them within 20 km of a built-in
 * airport, so airport lookups find something), each moved 5 s on, every state new. {@code buildOnly} makes the
 * states without analysing them; the difference is the engine's cost.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=AnalyticsEngineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class AnalyticsEngineBenchmark {

    static final int AIRCRAFT = 12_000;

    AnalyticsEngine engine;
    double[] lat = new double[AIRCRAFT], lon = new double[AIRCRAFT], track = new double[AIRCRAFT];
    String[] ids = new String[AIRCRAFT];
    long unix = 1_700_000_000L;
    final AnalyticsListener sink = new AnalyticsListener() {};

    @Setup
    public void setUp() {
        CatalogAirportIndex airports = CatalogAirportIndex.builtIn();
        engine = new AnalyticsEngine(airports, AnalyticsSettings.defaults());
        List<Airport> all = airports.all();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < AIRCRAFT; i++) {
            ids[i] = String.format("%06x", 0x100000 + i);
            if (i % 5 == 0) {
                Airport a = all.get(rng.nextInt(all.size()));
                lat[i] = Math.max(-89, Math.min(89, a.lat() + rng.nextDouble(-0.1, 0.1)));
                lon[i] = a.lon() + rng.nextDouble(-0.1, 0.1);
            } else {
                lat[i] = rng.nextDouble(-60, 70);
                lon[i] = rng.nextDouble(-179, 179);
            }
            track[i] = rng.nextDouble(360);
        }
    }

    private Aircraft next(int i) {
        lon[i] = lon[i] > 179 ? -179 : lon[i] + 0.01;
        track[i] = (track[i] + 1) % 360;
        return Aircraft.adsb(ids[i], "bench")
                .callsign("BEN" + i)
                .position(lat[i], lon[i])
                .altitudeM(9_000.0)
                .velocityMps(230.0)
                .headingDeg(track[i])
                .verticalRateMps(0.0)
                .squawk("1000")
                .lastContactUnix(unix)
                .timePositionUnix(unix)
                .build();
    }

    @Benchmark
    public void observePoll() {
        unix += 5;
        for (int i = 0; i < AIRCRAFT; i++) engine.observe(next(i), sink);
    }

    @Benchmark
    public void buildOnly(Blackhole bh) {
        unix += 5;
        for (int i = 0; i < AIRCRAFT; i++) bh.consume(next(i));
    }
}
