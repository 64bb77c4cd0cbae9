package io.skysentinel.bench;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.HubCore;
import io.skysentinel.source.vatsim.VatsimPipeline;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parse the busiest recorded VATSIM feed (2023-07-31 19:25:33Z: 1,442 pilots, 324 controllers and ATIS), convert it
 * (derived track, vertical rate, on-ground against the VRS airports) and apply it to an aircraft and an ATC hub, as
 * one poll does. Steady state: every poll is 15 s after the previous one, so every pilot is a real change. Needs
 * ../shared/data. Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=VatsimParseBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class VatsimParseBenchmark {

    /** Every time stamp in the body is set to this fixed-width form, then rewritten in place per poll. */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    byte[] body;
    int[] stampOffsets;
    Instant time = Instant.parse("2023-07-31T19:25:33Z");
    VatsimPipeline pipeline;
    HubCore<Aircraft> hub;
    HubCore<AtcPosition> atcHub;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = SharedData.dir();
        if (dir == null) throw new IllegalStateException("../shared/data is absent");
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) json.readTree(
                dir.resolve("vatsim/vatsim-data-20230731T192533Z.json").toFile());
        String mark = STAMP.format(time);
        ((ObjectNode) root.get("general")).put("update_timestamp", mark);
        for (String list : List.of("pilots", "controllers", "atis"))
            for (JsonNode n : root.get(list)) ((ObjectNode) n).put("last_updated", mark);
        body = json.writeValueAsBytes(root);
        stampOffsets = offsets(body, mark.getBytes(StandardCharsets.US_ASCII));
        pipeline =
                new VatsimPipeline(airports(dir.resolve("airports/airports-vrs-standing-data.csv")), AtcLocator.NONE);
        hub = new HubCore<>(SourceBatch::aircraft, 60_000, 200_000, 100_000);
        atcHub = new HubCore<>(SourceBatch::atc, 60_000, 200_000, 100_000);
        nextPoll();
        apply();
    }

    /** Outside the measurement: the next feed, 15 s later. */
    @Setup(Level.Invocation)
    public void nextPoll() {
        time = time.plusSeconds(15);
        byte[] stamp = STAMP.format(time).getBytes(StandardCharsets.US_ASCII);
        for (int at : stampOffsets) System.arraycopy(stamp, 0, body, at, stamp.length);
    }

    @Benchmark
    public int parseConvertApply() {
        return apply();
    }

    /** Parsing alone, for comparison with the combined figure. */
    @Benchmark
    public int parseOnly() {
        return pipeline.parseOnly(body);
    }

    private int apply() {
        SourceBatch batch = pipeline.batch(body);
        long now = batch.observedAtMs();
        return hub.apply(batch, now).delta().updates().size()
                + atcHub.apply(batch, now).delta().updates().size();
    }

    private static int[] offsets(byte[] hay, byte[] needle) {
        List<Integer> at = new ArrayList<>();
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            at.add(i);
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private static GridAirportCatalog airports(Path csv) throws IOException {
        List<io.skysentinel.core.Airport> list = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (Stream<String> lines = Files.lines(csv)) {
            lines.skip(1).forEach(line -> {
                List<String> c = io.skysentinel.core.Csv.split(line);
                if (c.size() < 9 || c.get(0).isBlank() || !seen.add(c.get(0).strip())) return;
                try {
                    double elev = c.get(8).isBlank() ? Double.NaN : Double.parseDouble(c.get(8)) * 0.3048;
                    list.add(new io.skysentinel.core.Airport(
                            c.get(0).strip(),
                            null,
                            c.get(1),
                            Double.parseDouble(c.get(6)),
                            Double.parseDouble(c.get(7)),
                            elev,
                            c.get(5),
                            null));
                } catch (IllegalArgumentException e) {
                    // no coordinates
                }
            });
        }
        return new GridAirportCatalog(list);
    }
}
