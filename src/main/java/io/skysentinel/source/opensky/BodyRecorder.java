package io.skysentinel.source.opensky;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Appends every raw {@code /states/all} body to a JSON Lines file, one body per line, so a day can be replayed
 * later. Bodies are written as received; one containing line breaks (pretty-printed) is first compacted, which for
 * JSON changes nothing but whitespace. The file never grows past {@code maxBytes} (counting what was there
 * already): what does not fit is counted as dropped, not written, and not queued.
 */
final class BodyRecorder implements AutoCloseable {

    /** Told about each body that was not recorded (the bound was hit, or the disk said no). */
    interface DropListener {
        void dropped(String reason);
    }

    private final Path file;
    private final long maxBytes;
    private final DropListener drops;
    private OutputStream out;
    private long size;
    private boolean full;

    private BodyRecorder(Path file, long maxBytes, DropListener drops) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.drops = drops;
    }

    static BodyRecorder off() {
        return new BodyRecorder(null, 0, reason -> {});
    }

    static BodyRecorder toFile(Path file, long maxBytes, DropListener drops) throws IOException {
        BodyRecorder r = new BodyRecorder(file, maxBytes, drops);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        r.out = Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        r.size = Files.size(file);
        return r;
    }

    boolean enabled() {
        return file != null;
    }

    /** @return true when the body is now on disk */
    synchronized boolean record(byte[] body) {
        if (file == null) return false;
        byte[] line = toOneLine(body);
        if (out == null) {
            drops.dropped("recorder closed");
            return false;
        }
        if (full || size + line.length + 1 > maxBytes) {
            full = true; // stop for good: a recording with holes in it would replay as a lie
            drops.dropped("record-max-bytes reached");
            return false;
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush(); // a crash must not lose what we claim to have recorded
            size += line.length + 1L;
            return true;
        } catch (IOException e) {
            drops.dropped("write failed: " + e.getMessage());
            return false;
        }
    }

    /**
     * The body on one line. Whitespace outside strings is dropped only when the body has a line break (JSON allows
     * none inside strings, so that is exact); a raw CR/LF inside a string, which is already invalid JSON, becomes a
     * space so the line stays one line and the body stays as invalid as it was.
     */
    static byte[] toOneLine(byte[] body) {
        boolean hasBreak = false;
        for (byte b : body)
            if (b == '\n' || b == '\r') {
                hasBreak = true;
                break;
            }
        if (!hasBreak) return body;
        byte[] out = new byte[body.length];
        int n = 0;
        boolean inString = false, escaped = false;
        for (byte b : body) {
            if (inString) {
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
                out[n++] = b == '\n' || b == '\r' ? (byte) ' ' : b;
            } else if (b == '"') {
                inString = true;
                out[n++] = b;
            } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public synchronized void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // closing on shutdown; nothing useful to do
        }
        out = null;
    }
}
