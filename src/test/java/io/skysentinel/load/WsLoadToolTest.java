package io.skysentinel.load;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skysentinel.core.Aircraft;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.StatusFrame;
import io.skysentinel.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** The load tool's pure parts: the histogram, the frame-header peek in both formats, /metrics parsing, options. */
class WsLoadToolTest {

    // ---------------------------------------------------------------- histogram

    @Test
    void smallValuesAreExact() {
        LagHistogram h = new LagHistogram();
        for (int v = 1; v <= 100; v++) h.record(v);
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(90)).isEqualTo(90);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(99.9)).isEqualTo(100);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.max()).isEqualTo(100);
        assertThat(h.min()).isEqualTo(1);
        assertThat(h.mean()).isEqualTo(50.5);
    }

    @Test
    void largeValuesWithinTwoPerMilleAndNeverBelowTheTruth() {
        LagHistogram h = new LagHistogram();
        Random r = new Random(7);
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(r.nextDouble() * Math.log(3_600_000)); // 1 ms .. 1 h, log-uniform
            h.record(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long truth = values[(int) Math.ceil(p / 100 * values.length) - 1];
            long got = h.percentile(p);
            assertThat(got).as("p%s", p).isGreaterThanOrEqualTo(truth);
            assertThat((double) got).as("p%s", p).isCloseTo(truth, within(truth * 0.002 + 1));
        }
        assertThat(h.percentile(100)).isEqualTo(values[values.length - 1]);
    }

    @Test
    void bucketsTileTheRangeWithoutGapsOrOverlap() {
        for (long v = 0; v < 1 << 20; v++) {
            int i = LagHistogram.index(v);
            assertThat(v).isLessThanOrEqualTo(LagHistogram.highestIn(i));
            if (i > 0) assertThat(v).isGreaterThan(LagHistogram.highestIn(i - 1));
        }
        assertThat(LagHistogram.index(LagHistogram.MAX_VALUE))
                .isEqualTo(LagHistogram.index(LagHistogram.MAX_VALUE - 1));
    }

    @Test
    void emptyAndNegativeValues() {
        LagHistogram h = new LagHistogram();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.max()).isZero();
        h.record(-5);
        h.record(3);
        assertThat(h.negatives()).isEqualTo(1);
        assertThat(h.percentile(50)).isZero();
        assertThat(h.max()).isEqualTo(3);
        assertThatThrownBy(() -> h.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- frame header peek

    static final long TIME = 1_766_888_059_412L;

    static List<Aircraft> fleet(int n) {
        List<Aircraft> a = new ArrayList<>();
        for (int i = 0; i < n; i++)
            a.add(plane(String.format("a%05x", i))
                    .at(40 + i * 0.001, -74)
                    .seen(1_766_888_059L)
                    .build());
        return a;
    }

    static FrameHeader peek(WireFormat f, byte[] b, int len) {
        return f == WireFormat.MSGPACK ? FrameHeader.peekMsgpack(b, 0, len) : FrameHeader.peekJson(b, 0, len);
    }

    @ParameterizedTest
    @EnumSource(
            value = WireFormat.class,
            names = {"JSON", "MSGPACK"})
    void peeksRealServerFramesOfEveryType(WireFormat format) {
        FrameEncoder enc = FrameEncoder.of(format);
        byte[] delta = enc.delta(42, 88_240, TIME, fleet(500), List.of("a0b1c2"));
        byte[] snapshot = enc.snapshot(7, 88_231, TIME + 1, fleet(3));
        byte[] status = enc.status(new StatusFrame(TIME + 2, 11_873, 412, 4.2, false, null));
        byte[] error = enc.error(TIME + 3, "format must be json or msgpack");

        assertThat(peek(format, delta, delta.length)).isEqualTo(new FrameHeader("delta", 42, TIME));
        assertThat(peek(format, snapshot, snapshot.length)).isEqualTo(new FrameHeader("snapshot", 7, TIME + 1));
        assertThat(peek(format, status, status.length))
                .isEqualTo(new FrameHeader("status", FrameHeader.NONE, TIME + 2));
        assertThat(peek(format, error, error.length)).isEqualTo(new FrameHeader("error", FrameHeader.NONE, TIME + 3));
    }

    @ParameterizedTest
    @EnumSource(
            value = WireFormat.class,
            names = {"JSON_DEFLATE", "MSGPACK_DEFLATE"})
    void deflatedFramesAreInflatedJustEnoughToReadTheirHeader(WireFormat format) {
        FrameEncoder enc = FrameEncoder.of(format);
        LoadStats s = new LoadStats();
        FrameTally tally = new FrameTally(s, 0, Long.MAX_VALUE, format);
        long now = System.currentTimeMillis();
        for (byte[] frame : List.of(
                enc.snapshot(7, 1, now, fleet(300)),
                enc.delta(8, 2, now, fleet(2_000), List.of("a0b1c2")),
                enc.delta(10, 3, now, fleet(10), List.of()))) {
            for (int i = 0; i < frame.length; i += 100) { // arrives in pieces, as from a socket
                int n = Math.min(100, frame.length - i);
                java.nio.ByteBuffer piece = java.nio.ByteBuffer.wrap(frame, i, n);
                tally.prefix(piece);
                tally.part(n, now + 5, i + n == frame.length);
            }
        }
        assertThat(s.headerMisses.sum()).isZero();
        assertThat(s.initialSnapshots.sum()).isEqualTo(1);
        assertThat(s.deltas.sum()).isEqualTo(2);
        assertThat(s.gapsTotal.sum()).as("seq 8 then 10").isEqualTo(1);
        assertThat(s.deltaLag.count()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = WireFormat.class,
            names = {"JSON", "MSGPACK"})
    void aShortPrefixIsEnoughAndACutPrefixAsksForMore(WireFormat format) {
        byte[] delta = FrameEncoder.of(format).delta(123_456, 88_240, TIME, fleet(2_000), List.of());
        // The header is found within the first 96 bytes of a ~0.5-1 MB frame: the rest is never looked at.
        assertThat(peek(format, delta, 96)).isEqualTo(new FrameHeader("delta", 123_456, TIME));
        // Every shorter prefix either has the answer or asks for more; never a wrong (e.g. truncated) number.
        int firstComplete = -1;
        for (int len = 0; len <= 96; len++) {
            FrameHeader h = peek(format, delta, len);
            if (h == null) {
                assertThat(firstComplete)
                        .as("once found, stays found (len %d)", len)
                        .isEqualTo(-1);
            } else {
                assertThat(h).isEqualTo(new FrameHeader("delta", 123_456, TIME));
                if (firstComplete < 0) firstComplete = len;
            }
        }
        assertThat(firstComplete).isPositive();
    }

    @Test
    void jsonNeverTakesANumberCutAtThePrefixEnd() {
        byte[] b = "{\"type\":\"delta\",\"seq\":5,\"hub_seq\":9,\"time\":1766888059412,\"upserts\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        int cut = new String(b, StandardCharsets.UTF_8).indexOf("059412");
        assertThat(FrameHeader.peekJson(b, 0, cut)).isNull(); // "time":1766888 … cut
        assertThat(FrameHeader.peekJson(b, 0, cut + 6)).isNull(); // all digits, but is the number over?
        assertThat(FrameHeader.peekJson(b, 0, cut + 7)).isEqualTo(new FrameHeader("delta", 5, TIME));
    }

    @Test
    void keysInAnyOrderAndValuesBeforeThemAreSkipped() throws Exception {
        byte[] json = "{\"upserts\":[{\"a\":[1,2,{\"b\":null}]}],\"time\":12,\"seq\":3,\"type\":\"delta\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(FrameHeader.peekJson(json, 0, json.length)).isEqualTo(new FrameHeader("delta", 3, 12));
        assertThat(FrameHeader.peekJson(json, 0, 20)).isNull(); // inside the array

        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(4);
            p.packString("upserts")
                    .packArrayHeader(1)
                    .packMapHeader(1)
                    .packString("a")
                    .packArrayHeader(2)
                    .packInt(1)
                    .packNil();
            p.packString("time").packLong(12);
            p.packString("seq").packLong(3);
            p.packString("type").packString("delta");
            byte[] mp = p.toByteArray();
            assertThat(FrameHeader.peekMsgpack(mp, 0, mp.length)).isEqualTo(new FrameHeader("delta", 3, 12));
            assertThat(FrameHeader.peekMsgpack(mp, 0, 12)).isNull();
        }
    }

    @Test
    void missingFieldsAndGarbage() throws Exception {
        byte[] json = "{\"type\":\"delta\",\"time\":12}".getBytes(StandardCharsets.UTF_8);
        assertThat(FrameHeader.peekJson(json, 0, json.length))
                .isEqualTo(new FrameHeader("delta", FrameHeader.NONE, 12));
        byte[] notObject = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FrameHeader.peekJson(notObject, 0, notObject.length))
                .isInstanceOf(IllegalArgumentException.class);
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packArrayHeader(1).packInt(1);
            byte[] mp = p.toByteArray();
            assertThatThrownBy(() -> FrameHeader.peekMsgpack(mp, 0, mp.length))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FrameHeader.peekMsgpack(new byte[0], 0, 0)).isNull();
        assertThat(FrameHeader.peekJson(new byte[0], 0, 0)).isNull();
    }

    // ---------------------------------------------------------------- /metrics

    static final String METRICS_BEFORE = """
            # HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
            # TYPE process_cpu_usage gauge
            process_cpu_usage{application="skysentinel"} 0.25
            jvm_memory_used_bytes{application="skysentinel",area="heap",id="G1 Eden Space"} 1.0E8
            jvm_memory_used_bytes{application="skysentinel",area="heap",id="G1 Old Gen"} 5.0E7
            jvm_memory_used_bytes{application="skysentinel",area="nonheap",id="Metaspace"} 9.0E7
            skysentinel_ws_resyncs_total{application="skysentinel"} 3.0
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="0.1"} 10
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="0.5"} 10
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="1.0"} 10
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="+Inf"} 10
            """;
    static final String METRICS_AFTER = """
            process_cpu_usage{application="skysentinel"} 0.75
            skysentinel_ws_resyncs_total{application="skysentinel"} 5.0
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="0.1"} 60
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="0.5"} 105
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="1.0"} 109
            skysentinel_ws_delivery_lag_seconds_bucket{application="skysentinel",le="+Inf"} 110
            skysentinel_ws_bytes_total{application="skysentinel",format="msgpack",type="delta"} 1.5E9 \
            # {trace_id="x"} 1 1
            """;

    @Test
    void readsCountersGaugesAndHistogramQuantilesBetweenScrapes() {
        PromSnapshot b = PromSnapshot.parse(METRICS_BEFORE), a = PromSnapshot.parse(METRICS_AFTER);
        assertThat(b.sum("process_cpu_usage")).isEqualTo(0.25);
        assertThat(b.sum("jvm_memory_used_bytes", "area", "heap")).isEqualTo(1.5e8);
        assertThat(a.sum("skysentinel_ws_resyncs_total") - b.sum("skysentinel_ws_resyncs_total"))
                .isEqualTo(2);
        assertThat(a.sum("skysentinel_ws_bytes_total", "format", "msgpack")).isEqualTo(1.5e9);
        assertThat(a.sum("no_such_metric")).isNaN();
        TreeMap<Double, Double> hb = b.buckets("skysentinel_ws_delivery_lag_seconds"),
                ha = a.buckets("skysentinel_ws_delivery_lag_seconds");
        // 100 observations between the scrapes: 50 ≤ 0.1 s, 45 in (0.1, 0.5], 4 in (0.5, 1], 1 above.
        assertThat(PromSnapshot.quantileBetween(hb, ha, 0.5)).isEqualTo(0.1);
        assertThat(PromSnapshot.quantileBetween(hb, ha, 0.9)).isEqualTo(0.5);
        assertThat(PromSnapshot.quantileBetween(hb, ha, 0.99)).isEqualTo(1.0);
        assertThat(PromSnapshot.quantileBetween(hb, ha, 0.999)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PromSnapshot.countAbove(hb, ha, 0.5)).isEqualTo(5);
        assertThat(PromSnapshot.quantileBetween(ha, ha, 0.5)).isNaN();
    }

    // ---------------------------------------------------------------- options

    @Test
    void optionsAndDurations() {
        LoadOptions o = LoadOptions.parse(new String[] {
            "--clients",
            "5000",
            "--format=msgpack",
            "--duration",
            "60s",
            "--ramp",
            "20s",
            "--warmup",
            "500ms",
            "--poll-compare",
            "--url",
            "ws://h:1/ws/flights"
        });
        assertThat(o.clients()).isEqualTo(5000);
        assertThat(o.pollCompare()).isTrue();
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.wsUri().toString()).isEqualTo("ws://h:1/ws/flights?format=msgpack");
        assertThat(LoadOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--format", "xml"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--nope", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
