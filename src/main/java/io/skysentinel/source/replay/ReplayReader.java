package io.skysentinel.source.replay;

import io.skysentinel.core.Aircraft;
import io.skysentinel.statevector.MalformedBodyException;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.statevector.StatesBody;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a recording as frames, one line at a time, never holding more than the current line. Blank lines are
 * ignored; lines that do not parse come back as {@link ReplayLine.Malformed} so the caller can count them.
 *
 * <p>With {@code loop}, the file is reopened at its end and every time of the next pass (body time, each
 * aircraft's time_position and last_contact) is shifted forward by the previous pass's span plus one typical
 * frame gap. Times therefore keep increasing across loops, which matters because the hub ignores updates older
 * than what it already has. For an unchanged file, pass k is shifted by k × (span + gap).
 */
public final class ReplayReader implements Closeable {

    /** Frame gap assumed when a pass has a single frame: OpenSky's anonymous time resolution. */
    static final long DEFAULT_GAP_S = 10;

    private final Path file;
    private final boolean loop;
    private final StateVectorParser parser;
    private final int maxLineBytes;
    private JsonLinesReader lines;
    private int loopIndex;
    private long shiftS;
    private long frames;
    private long passFrames, passMinS = Long.MAX_VALUE, passMaxS = Long.MIN_VALUE;

    private ReplayReader(Path file, boolean loop, StateVectorParser parser, int maxLineBytes) throws IOException {
        this.file = file;
        this.loop = loop;
        this.parser = parser;
        this.maxLineBytes = maxLineBytes;
        this.lines = JsonLinesReader.open(file, maxLineBytes);
    }

    public static ReplayReader open(Path file, boolean loop, StateVectorParser parser) throws IOException {
        return new ReplayReader(file, loop, parser, JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
    }

    static ReplayReader open(Path file, boolean loop, StateVectorParser parser, int maxLineBytes) throws IOException {
        return new ReplayReader(file, loop, parser, maxLineBytes);
    }

    /** The next frame or malformed line, or null when the replay is over (never, when looping a valid file). */
    public ReplayLine next() throws IOException {
        while (true) {
            JsonLinesReader.RawLine raw = lines.next();
            if (raw == null) {
                if (!startNextPass()) return null;
                continue;
            }
            if (raw.oversized()) {
                return new ReplayLine.Malformed(loopIndex, raw.number(), "line longer than " + maxLineBytes + " bytes");
            }
            if (isBlank(raw.bytes())) continue;
            StatesBody body;
            try {
                body = parser.parse(raw.bytes(), ReplaySource.NAME);
            } catch (MalformedBodyException e) {
                return new ReplayLine.Malformed(loopIndex, raw.number(), e.getMessage());
            }
            passFrames++;
            passMinS = Math.min(passMinS, body.timeUnix());
            passMaxS = Math.max(passMaxS, body.timeUnix());
            return new ReplayLine.Frame(
                    ++frames,
                    loopIndex,
                    raw.number(),
                    (body.timeUnix() + shiftS) * 1000,
                    shift(body.aircraft(), shiftS),
                    body.rejectedRows(),
                    body.rowErrors());
        }
    }

    private boolean startNextPass() throws IOException {
        // A pass without a single good frame would make looping spin forever doing nothing.
        if (!loop || passFrames == 0) return false;
        long gapS = passFrames < 2
                ? DEFAULT_GAP_S
                : Math.max(1, Math.round((passMaxS - passMinS) / (double) (passFrames - 1)));
        shiftS += (passMaxS - passMinS) + gapS;
        lines.close();
        lines = JsonLinesReader.open(file, maxLineBytes);
        loopIndex++;
        passFrames = 0;
        passMinS = Long.MAX_VALUE;
        passMaxS = Long.MIN_VALUE;
        return true;
    }

    private static List<Aircraft> shift(List<Aircraft> aircraft, long shiftS) {
        if (shiftS == 0) return aircraft;
        List<Aircraft> shifted = new ArrayList<>(aircraft.size());
        for (Aircraft a : aircraft) {
            Long position = a.timePositionUnix();
            shifted.add(a.toBuilder()
                    .timePositionUnix(position == null ? null : position + shiftS)
                    .lastContactUnix(a.lastContactUnix() + shiftS)
                    .build());
        }
        return shifted;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
