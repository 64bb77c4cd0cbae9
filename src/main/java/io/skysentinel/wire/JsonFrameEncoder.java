package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;

import java.util.Collection;

/** Placeholder until the wire branch lands. */
final class JsonFrameEncoder implements FrameEncoder {
    public WireFormat format() { return WireFormat.JSON; }
    public byte[] snapshot(long seq, long hubSeq, long timeMs, Collection<Aircraft> aircraft) { throw new UnsupportedOperationException(); }
    public byte[] delta(long seq, long hubSeq, long timeMs, Collection<Aircraft> upserts, Collection<String> removals) { throw new UnsupportedOperationException(); }
    public byte[] status(StatusFrame status) { throw new UnsupportedOperationException(); }
    public byte[] error(long timeMs, String message) { throw new UnsupportedOperationException(); }
}
