package io.skysentinel.source.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a file line by line as raw bytes (the parser wants bytes; decoding to a String and back would double the
 * work on a 1 MB global body). Memory is bounded: one read chunk plus the current line, and a line longer than
 * the limit is skipped whole rather than buffered.
 */
final class JsonLinesReader implements Closeable {

    /** Far above a global OpenSky body (~1-2 MB); protects against a corrupt file with no newlines. */
    static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int KEEP_BUFFER_BYTES = 4 * 1024 * 1024;

    /** One line without its newline; {@code bytes} is null when the line exceeded the limit and was skipped. */
    record RawLine(long number, byte[] bytes) {
        boolean oversized() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int pos, limit;
    private boolean eof;
    private byte[] line = new byte[CHUNK_BYTES];
    private int lineLength;
    private long lineNumber;

    JsonLinesReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    static JsonLinesReader open(Path file, int maxLineBytes) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, CHUNK_BYTES);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return new JsonLinesReader(in, maxLineBytes);
    }

    /** The next line, or null at the end of the file. A last line without a newline is still returned. */
    RawLine next() throws IOException {
        if (eof) return null;
        lineLength = 0;
        boolean oversized = false, any = false;
        while (true) {
            if (pos >= limit) {
                int n = in.read(chunk);
                if (n < 0) {
                    eof = true;
                    if (!any) return null;
                    break;
                }
                pos = 0;
                limit = n;
                continue;
            }
            any = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            if (!oversized) oversized = !append(pos, end);
            pos = newline < 0 ? limit : newline + 1;
            if (newline >= 0) break;
        }
        lineNumber++;
        byte[] bytes = oversized ? null : Arrays.copyOf(line, lineLength);
        if (line.length > KEEP_BUFFER_BYTES) line = new byte[CHUNK_BYTES]; // do not pin memory after one huge line
        return new RawLine(lineNumber, bytes);
    }

    private int indexOfNewline() {
        for (int i = pos; i < limit; i++) {
            if (chunk[i] == '\n') return i;
        }
        return -1;
    }

    private boolean append(int from, int to) {
        int n = to - from;
        if ((long) lineLength + n > maxLineBytes) {
            lineLength = 0;
            return false;
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max((long) line.length * 2, lineLength + n)));
        }
        System.arraycopy(chunk, from, line, lineLength, n);
        lineLength += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
