package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import java.util.Collection;

/**
 * A {@link FrameEncoder} that writes {@link FrameLayout} through a fresh {@link StructWriter} per frame: nothing is
 * shared between calls, so encoders are thread-safe, and the writer's buffer is sized from the aircraft count so a
 * 10,000-aircraft frame does not grow through a chain of copies.
 */
abstract class LayoutFrameEncoder implements FrameEncoder {

    /** Keys, sequence numbers and time around the aircraft. */
    private static final int FRAME_OVERHEAD_BYTES = 128;
    /** A quoted id and its separator in either format. */
    private static final int REMOVAL_BYTES = 10;

    private static final int SMALL_FRAME_BYTES = 512;

    private final int bytesPerAircraft;

    /** @param bytesPerAircraft a typical airborne aircraft object's size in this format */
    LayoutFrameEncoder(int bytesPerAircraft) {
        this.bytesPerAircraft = bytesPerAircraft;
    }

    /** A writer for one frame of about {@code expectedBytes}. */
    abstract StructWriter newWriter(int expectedBytes);

    @Override
    public final byte[] snapshot(long seq, long hubSeq, long timeMs, Collection<Aircraft> aircraft) {
        try (StructWriter w = newWriter(estimate(aircraft.size(), 0))) {
            FrameLayout.snapshot(w, seq, hubSeq, timeMs, aircraft);
            return w.toBytes();
        }
    }

    @Override
    public final byte[] delta(
            long seq, long hubSeq, long timeMs, Collection<Aircraft> upserts, Collection<String> removals) {
        try (StructWriter w = newWriter(estimate(upserts.size(), removals.size()))) {
            FrameLayout.delta(w, seq, hubSeq, timeMs, upserts, removals);
            return w.toBytes();
        }
    }

    @Override
    public final byte[] status(StatusFrame status) {
        try (StructWriter w = newWriter(SMALL_FRAME_BYTES)) {
            FrameLayout.status(w, status);
            return w.toBytes();
        }
    }

    @Override
    public final byte[] playback(PlaybackFrame playback) {
        try (StructWriter w = newWriter(SMALL_FRAME_BYTES)) {
            FrameLayout.playback(w, playback);
            return w.toBytes();
        }
    }

    @Override
    public final byte[] error(long timeMs, String message) {
        int expected = SMALL_FRAME_BYTES + (message == null ? 0 : 3 * message.length());
        try (StructWriter w = newWriter(expected)) {
            FrameLayout.error(w, timeMs, message);
            return w.toBytes();
        }
    }

    private int estimate(int aircraft, int removals) {
        long bytes = FRAME_OVERHEAD_BYTES + (long) aircraft * bytesPerAircraft + (long) removals * REMOVAL_BYTES;
        return (int) Math.min(bytes, Integer.MAX_VALUE - 16);
    }
}
