package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import java.util.Collection;

/**
 * Serialises push frames in one {@link WireFormat}. Each frame is encoded once per tick per view and the same bytes
 * are sent to every client of that view, so implementations return complete, immutable-by-convention byte arrays.
 * The structure of every frame is documented field by field in docs/websocket.md. Implementations are thread-safe.
 *
 * <p>Frames: {@code snapshot {type, seq, hub_seq, time, aircraft[]}}, {@code delta {type, seq, hub_seq, time,
 * upserts[], removals[]}}, {@code status {...}}, {@code error {type, time, message}}, and for /ws/playback
 * {@code playback {type, time, at, from, to, speed, state}} (docs/history.md#playback). Aircraft objects have exactly
 * the shape of docs/api.md (MessagePack may carry lat/lon as float32).
 *
 * <p>Collections are written in their iteration order and must not change while a call runs (pass copies, not live
 * views of concurrent maps): MessagePack declares sizes before content, so the MessagePack encoder fails the frame
 * with an {@link IllegalStateException} when a collection's {@code size()} disagrees with what it iterated.
 */
public interface FrameEncoder {

    WireFormat format();

    /**
     * @param seq    the view's frame sequence number
     * @param hubSeq the hub change sequence number this frame brings the client to (compare with REST {@code seq})
     * @param timeMs server wall clock when produced, epoch ms
     */
    byte[] snapshot(long seq, long hubSeq, long timeMs, Collection<Aircraft> aircraft);

    byte[] delta(long seq, long hubSeq, long timeMs, Collection<Aircraft> upserts, Collection<String> removals);

    /** The /ws/atc snapshot: {@code {type, seq, hub_seq, time, positions[]}} (docs/websocket.md). */
    byte[] atcSnapshot(long seq, long hubSeq, long timeMs, Collection<AtcPosition> positions);

    /** The /ws/atc delta: {@code {type, seq, hub_seq, time, upserts[], removals[]}} of ATC positions. */
    byte[] atcDelta(long seq, long hubSeq, long timeMs, Collection<AtcPosition> upserts, Collection<String> removals);

    byte[] status(StatusFrame status);

    byte[] error(long timeMs, String message);

    /** The progress frame of a history playback. */
    byte[] playback(PlaybackFrame playback);

    /** The encoder for a format. */
    static FrameEncoder of(WireFormat format) {
        return switch (format) {
            case JSON -> new JsonFrameEncoder();
            case MSGPACK -> new MsgpackFrameEncoder();
            case JSON_DEFLATE, MSGPACK_DEFLATE -> new DeflatingFrameEncoder(of(format.plain()), format);
        };
    }
}
