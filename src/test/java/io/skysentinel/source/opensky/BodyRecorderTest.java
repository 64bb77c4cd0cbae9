package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.statevector.StateVectorParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyRecorderTest {

    static final String PRETTY = """
            {
              "time" : 1649392659,
              "states" : [ [ "4b1816", "SWR1951 ", "Switzerland", 1649392658, 1649392658, 3.6738, 41.8384, 8534.4,
                false, 258.66, 66.19, 0, null, 8755.38, "5551", false, 0, 0 ] ]
            }
            """;

    @Test
    void compactBodiesAreWrittenAsReceivedOnePerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec/opensky.jsonl");
        List<String> drops = new ArrayList<>();
        try (BodyRecorder r = BodyRecorder.toFile(file, 1 << 20, drops::add)) {
            assertThat(r.record("{\"time\":1,\"states\":null}".getBytes())).isTrue();
            assertThat(r.record("{\"time\":2,\"states\":[]}".getBytes())).isTrue();
        }
        assertThat(Files.readAllLines(file))
                .containsExactly("{\"time\":1,\"states\":null}", "{\"time\":2,\"states\":[]}");
        assertThat(drops).isEmpty();
    }

    @Test
    void prettyPrintedBodyBecomesOneLineThatParsesIdentically() {
        byte[] line = BodyRecorder.toOneLine(PRETTY.getBytes(StandardCharsets.UTF_8));
        String s = new String(line, StandardCharsets.UTF_8);
        assertThat(s).doesNotContain("\n").doesNotContain("\r").contains("\"SWR1951 \""); // padding inside strings kept
        StateVectorParser parser = new StateVectorParser();
        assertThat(parser.parse(line, "x")).isEqualTo(parser.parse(PRETTY.getBytes(StandardCharsets.UTF_8), "x"));
    }

    @Test
    void escapedQuotesAndBackslashesDoNotConfuseTheCompaction() {
        String body = "{\"a\" : \"x \\\" y \\\\\",\n \"b\" : \" q \"}";
        assertThat(new String(BodyRecorder.toOneLine(body.getBytes())))
                .isEqualTo("{\"a\":\"x \\\" y \\\\\",\"b\":\" q \"}");
    }

    @Test
    void aRawLineBreakInsideAStringStaysInvalidButOnOneLine() {
        String broken = "{\"time\":1,\"states\":[[\"abc\n123\"]]}";
        assertThat(new String(BodyRecorder.toOneLine(broken.getBytes())))
                .isEqualTo("{\"time\":1,\"states\":[[\"abc 123\"]]}");
    }

    @Test
    void stopsAtTheBoundCountingExistingContentAndCountsWhatWasDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "x".repeat(80) + "\n"); // 81 bytes already there
        List<String> drops = new ArrayList<>();
        try (BodyRecorder r = BodyRecorder.toFile(file, 100, drops::add)) {
            assertThat(r.record("{\"time\":1}".getBytes())).isTrue(); // 11 bytes -> 92
            assertThat(r.record("{\"time\":22}".getBytes())).isFalse(); // 12 more would be 104
            assertThat(r.record("{}".getBytes())).isFalse(); // stopped for good, no holes
        }
        assertThat(Files.size(file)).isEqualTo(92);
        assertThat(drops).hasSize(2).allMatch(d -> d.contains("record-max-bytes"));
    }

    @Test
    void offRecorderRecordsNothing() {
        BodyRecorder off = BodyRecorder.off();
        assertThat(off.enabled()).isFalse();
        assertThat(off.record("{}".getBytes())).isFalse();
    }
}
