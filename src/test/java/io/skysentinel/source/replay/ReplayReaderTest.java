package io.skysentinel.source.replay;

import static io.skysentinel.source.replay.ReplayFixtures.T1;
import static io.skysentinel.source.replay.ReplayFixtures.T2;
import static io.skysentinel.source.replay.ReplayFixtures.T3;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.statevector.StateVectorParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayReaderTest {

    private final StateVectorParser parser = new StateVectorParser();

    @TempDir
    Path tmp;

    private List<ReplayLine> readAll(Path file, boolean loop, int max) throws IOException {
        List<ReplayLine> out = new ArrayList<>();
        try (ReplayReader reader = ReplayReader.open(file, loop, parser)) {
            ReplayLine line;
            while (out.size() < max && (line = reader.next()) != null) out.add(line);
        }
        return out;
    }

    @Test
    void fixtureGivesItsFramesInOrderAndReportsTheTruncatedLine() throws IOException {
        List<ReplayLine> lines = readAll(ReplayFixtures.small(), false, 100);

        assertThat(lines).extracting(ReplayLine::lineNumber).containsExactly(1L, 3L, 4L, 5L); // line 2 is blank
        ReplayLine.Frame first = (ReplayLine.Frame) lines.get(0);
        assertThat(first.index()).isEqualTo(1);
        assertThat(first.timeMs()).isEqualTo(T1 * 1000);
        assertThat(first.aircraft())
                .extracting(Aircraft::id, Aircraft::callsign, Aircraft::category)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a715c0", "N556AL", null), // 17 columns
                        org.assertj.core.groups.Tuple.tuple("34520b", "IBE6177", 4)); // 18 columns
        Aircraft taxiing = first.aircraft().get(1);
        assertThat(taxiing.onGround()).isTrue();
        assertThat(taxiing.altitudeM()).isNull();
        assertThat(taxiing.source()).isEqualTo("replay");

        assertThat(lines.get(1))
                .isInstanceOfSatisfying(
                        ReplayLine.Malformed.class, m -> assertThat(m.reason()).isNotBlank());

        ReplayLine.Frame second = (ReplayLine.Frame) lines.get(2);
        assertThat(second.timeMs()).isEqualTo(T2 * 1000);
        assertThat(second.rejectedRows()).isEqualTo(1);
        assertThat(second.rowErrors()).singleElement().asString().contains("velocity");
        assertThat(second.aircraft()).hasSize(2);
        Aircraft noPosition = second.aircraft().get(1);
        assertThat(noPosition.callsign()).isNull();
        assertThat(noPosition.position()).isNull();
        assertThat(noPosition.timePositionUnix()).isNull();
        assertThat(second.aircraft().get(0).opensky().sensors()).containsExactly(1, 2);

        ReplayLine.Frame third = (ReplayLine.Frame) lines.get(3);
        assertThat(third.index()).isEqualTo(3);
        assertThat(third.timeMs()).isEqualTo(T3 * 1000);
        assertThat(third.aircraft()).singleElement().satisfies(a -> {
            assertThat(a.squawk()).isEqualTo("7700");
            assertThat(a.spi()).isTrue();
        });
    }

    @Test
    void loopingShiftsEachPassBySpanPlusOneTypicalGap() throws IOException {
        List<ReplayLine> lines = readAll(ReplayFixtures.small(), true, 12); // three passes of 3 frames + 1 malformed
        List<ReplayLine.Frame> frames = lines.stream()
                .filter(ReplayLine.Frame.class::isInstance)
                .map(ReplayLine.Frame.class::cast)
                .toList();
        assertThat(frames).hasSize(9);
        assertThat(lines).filteredOn(ReplayLine.Malformed.class::isInstance).hasSize(3);

        long shift = (T3 - T1) + 10; // span 20 s, mean gap 10 s
        assertThat(frames)
                .extracting(ReplayLine.Frame::timeMs)
                .containsExactly(
                        T1 * 1000,
                        T2 * 1000,
                        T3 * 1000,
                        (T1 + shift) * 1000,
                        (T2 + shift) * 1000,
                        (T3 + shift) * 1000,
                        (T1 + 2 * shift) * 1000,
                        (T2 + 2 * shift) * 1000,
                        (T3 + 2 * shift) * 1000);
        assertThat(frames).extracting(ReplayLine.Frame::loop).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2);
        assertThat(frames).extracting(ReplayLine.Frame::index).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);

        Aircraft original = frames.get(0).aircraft().get(0),
                secondPass = frames.get(3).aircraft().get(0);
        assertThat(secondPass.icao24()).isEqualTo(original.icao24());
        assertThat(secondPass.lastContactUnix()).isEqualTo(original.lastContactUnix() + shift);
        assertThat(secondPass.timePositionUnix()).isEqualTo(original.timePositionUnix() + shift);
        assertThat(secondPass.position()).isEqualTo(original.position());
        Aircraft noPositionTime = frames.get(4).aircraft().get(1);
        assertThat(noPositionTime.timePositionUnix()).isNull();
        assertThat(noPositionTime.lastContactUnix()).isEqualTo(1615108015 + shift);
    }

    @Test
    void loopingAFileWithNoGoodLineEndsInsteadOfSpinning() throws IOException {
        Path file = ReplayFixtures.write(tmp, "garbage.jsonl", "not json", "{\"time\":", "");
        List<ReplayLine> lines = readAll(file, true, 100);
        assertThat(lines).hasSize(2).allMatch(ReplayLine.Malformed.class::isInstance);
    }

    @Test
    void wrongTypesOversizedLinesCrlfAndAMissingFinalNewlineAreHandled() throws IOException {
        Path file = tmp.resolve("mixed.jsonl");
        String longLine = "{\"time\":1,\"states\":[],\"padding\":\"" + "x".repeat(500) + "\"}";
        Files.writeString(
                file,
                "{\"time\":\"soon\",\"states\":[]}\r\n" + longLine + "\n" + ReplayFixtures.body(100, "abcdef") + "\r\n"
                        + ReplayFixtures.body(110, "abcdef"));
        List<ReplayLine> lines = new ArrayList<>();
        try (ReplayReader reader = ReplayReader.open(file, false, parser, 400)) {
            for (ReplayLine l; (l = reader.next()) != null; ) lines.add(l);
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .isInstanceOfSatisfying(
                        ReplayLine.Malformed.class, m -> assertThat(m.reason()).contains("time"));
        assertThat(lines.get(1))
                .isInstanceOfSatisfying(
                        ReplayLine.Malformed.class, m -> assertThat(m.reason()).contains("longer than 400"));
        assertThat(lines.subList(2, 4))
                .extracting(l -> ((ReplayLine.Frame) l).timeMs())
                .containsExactly(100_000L, 110_000L);
    }

    @Test
    void gzippedRecordingReadsLikeThePlainOne() throws IOException {
        Path gz = tmp.resolve("small.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(ReplayFixtures.small(), out);
        }
        assertThat(readAll(gz, false, 100))
                .isEqualTo(readAll(ReplayFixtures.small(), false, 100))
                .hasSize(4);
    }
}
