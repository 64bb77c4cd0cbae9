package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.zip.Deflater;

/**
 * Wraps a plain encoder and deflates each frame it produces into one zlib stream. Level 1 (fastest): on push frames
 * it already removes nearly all of the repeated keys, and a frame is compressed once per view per tick, on the
 * broadcaster's single thread, so speed matters more than the last few percent.
 */
final class DeflatingFrameEncoder implements FrameEncoder {

    static final int LEVEL = Deflater.BEST_SPEED;

    private final FrameEncoder plain;
    private final WireFormat format;

    DeflatingFrameEncoder(FrameEncoder plain, WireFormat format) {
        this.plain = plain;
        this.format = format;
    }

    @Override
    public WireFormat format() {
        return format;
    }

    @Override
    public byte[] snapshot(long seq, long hubSeq, long timeMs, Collection<Aircraft> aircraft) {
        return deflate(plain.snapshot(seq, hubSeq, timeMs, aircraft));
    }

    @Override
    public byte[] delta(long seq, long hubSeq, long timeMs, Collection<Aircraft> upserts, Collection<String> removals) {
        return deflate(plain.delta(seq, hubSeq, timeMs, upserts, removals));
    }

    @Override
    public byte[] atcSnapshot(long seq, long hubSeq, long timeMs, Collection<AtcPosition> positions) {
        return deflate(plain.atcSnapshot(seq, hubSeq, timeMs, positions));
    }

    @Override
    public byte[] atcDelta(
            long seq, long hubSeq, long timeMs, Collection<AtcPosition> upserts, Collection<String> removals) {
        return deflate(plain.atcDelta(seq, hubSeq, timeMs, upserts, removals));
    }

    @Override
    public byte[] status(StatusFrame status) {
        return deflate(plain.status(status));
    }

    @Override
    public byte[] playback(PlaybackFrame playback) {
        return deflate(plain.playback(playback));
    }

    @Override
    public byte[] error(long timeMs, String message) {
        return deflate(plain.error(timeMs, message));
    }

    static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(LEVEL);
        try {
            d.setInput(in);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, in.length / 3));
            // sized to the frame: thousands of small per-view frames a second must not each allocate 64 KB
            byte[] buf = new byte[Math.min(64 * 1024, Math.max(256, in.length / 2))];
            while (!d.finished()) out.write(buf, 0, d.deflate(buf));
            return out.toByteArray();
        } finally {
            d.end(); // native memory: never leave it to the finalizer
        }
    }
}
