package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import java.util.Collection;
import java.util.function.Consumer;

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
    /**
     * A controller position is ~450 bytes in JSON with a line or two of info; ATIS texts run longer. Few hundred per
     * frame at most, so one estimate for both formats.
     */
    private static final int BYTES_PER_ATC_POSITION = 600;

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
        return frame(
                estimate(aircraft.size(), bytesPerAircraft, 0),
                w -> FrameLayout.snapshot(w, seq, hubSeq, timeMs, aircraft));
    }

    @Override
    public final byte[] delta(
            long seq, long hubSeq, long timeMs, Collection<Aircraft> upserts, Collection<String> removals) {
        return frame(
                estimate(upserts.size(), bytesPerAircraft, removals.size()),
                w -> FrameLayout.delta(w, seq, hubSeq, timeMs, upserts, removals));
    }

    @Override
    public final byte[] atcSnapshot(long seq, long hubSeq, long timeMs, Collection<AtcPosition> positions) {
        return frame(
                estimate(positions.size(), BYTES_PER_ATC_POSITION, 0),
                w -> FrameLayout.atcSnapshot(w, seq, hubSeq, timeMs, positions));
    }

    @Override
    public final byte[] atcDelta(
            long seq, long hubSeq, long timeMs, Collection<AtcPosition> upserts, Collection<String> removals) {
        return frame(
                estimate(upserts.size(), BYTES_PER_ATC_POSITION, removals.size()),
                w -> FrameLayout.atcDelta(w, seq, hubSeq, timeMs, upserts, removals));
    }

    @Override
    public final byte[] status(StatusFrame status) {
        return frame(SMALL_FRAME_BYTES, w -> FrameLayout.status(w, status));
    }

    @Override
    public final byte[] playback(PlaybackFrame playback) {
        return frame(SMALL_FRAME_BYTES, w -> FrameLayout.playback(w, playback));
    }

    @Override
    public final byte[] error(long timeMs, String message) {
        int expected = SMALL_FRAME_BYTES + (message == null ? 0 : 3 * message.length());
        return frame(expected, w -> FrameLayout.error(w, timeMs, message));
    }

    private byte[] frame(int expectedBytes, Consumer<StructWriter> layout) {
        try (StructWriter w = newWriter(expectedBytes)) {
            layout.accept(w);
            return w.toBytes();
        }
    }

    private static int estimate(int entities, int bytesPerEntity, int removals) {
        long bytes = FRAME_OVERHEAD_BYTES + (long) entities * bytesPerEntity + (long) removals * REMOVAL_BYTES;
        return (int) Math.min(bytes, Integer.MAX_VALUE - 16);
    }
}
