package io.skysentinel.bench;

import io.skysentinel.alerts.AlertEvaluator;
import io.skysentinel.alerts.AlertRule;
import io.skysentinel.alerts.RuleBook;
import io.skysentinel.alerts.RuleParser;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert rule evaluation per accepted state with 10,000 rules: a third naming an aircraft id, a third a callsign
 * prefix ({@code ABC*} or {@code ABC1*}), a third a circle of 20 to 100 km somewhere in the world with
 * {@code inside} or {@code enter}. 20,000 aircraft with random three-letter callsigns fly small steps; each invocation
 * evaluates {@value #BATCH} of their states (one per aircraft in turn), so the figure is per state. Seeded.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=AlertEvaluationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class AlertEvaluationBenchmark {

    static final int BATCH = 1_000;
    static final int AIRCRAFT = 20_000;

    @Param({"10000"})
    int rules;

    AlertEvaluator evaluator;
    Aircraft[][] states; // [step][aircraft]: a few positions per aircraft, cycled
    int step, next;
    long fired;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(14);
        JsonMapper json = JsonMapper.builder().build();
        RuleParser parser = new RuleParser(600);
        List<AlertRule> all = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            String when = switch (i % 3) {
                case 0 -> "{\"id\": \"" + icao(rnd.nextInt(AIRCRAFT * 4)) + "\"}";
                case 1 -> "{\"callsign\": \"" + airline(rnd) + (rnd.nextBoolean() ? "" : rnd.nextInt(10)) + "*\"}";
                default ->
                    String.format(
                            Locale.ROOT,
                            "{\"area\": {\"circle\": [%.4f, %.4f, %d]}, \"transition\": \"%s\"}",
                            rnd.nextDouble(-60, 70),
                            rnd.nextDouble(-179, 179),
                            20 + rnd.nextInt(81),
                            rnd.nextBoolean() ? "inside" : "enter");
            };
            all.add(parser.parse(json.readTree("{\"name\": \"r" + i + "\", \"when\": " + when + "}"), 0)
                    .withId(i + 1));
        }
        RuleBook book = new RuleBook();
        book.replaceAll(all);
        evaluator = new AlertEvaluator(book, AircraftInfoLookup.NONE, Clock.systemUTC(), a -> fired++, 100_000);
        states = new Aircraft[8][AIRCRAFT];
        for (int a = 0; a < AIRCRAFT; a++) {
            double lat = rnd.nextDouble(-60, 70), lon = rnd.nextDouble(-179, 179);
            String callsign = airline(rnd) + rnd.nextInt(1, 9999);
            for (int s = 0; s < states.length; s++)
                states[s][a] = Aircraft.adsb(icao(a), "opensky")
                        .callsign(callsign)
                        .position(lat + s * 0.02, lon + s * 0.02)
                        .altitudeM(10_000.0)
                        .velocityMps(230.0)
                        .lastContactUnix(1_000 + s)
                        .build();
        }
    }

    static String icao(int n) {
        return String.format(Locale.ROOT, "%06x", 0x400000 + n);
    }

    static String airline(SplittableRandom rnd) {
        return "" + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long evaluateState() {
        for (int i = 0; i < BATCH; i++) {
            evaluator.upsert(states[step][next]);
            if (++next == AIRCRAFT) {
                next = 0;
                step = (step + 1) % states.length;
            }
        }
        return fired;
    }
}
