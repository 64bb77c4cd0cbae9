package io.skysentinel.load;

import java.nio.ByteBuffer;

/**
 * What one client counts about the frames it receives, whatever the WebSocket client underneath: each message's
 * first bytes go to {@link FrameHeader} for {@code type}, {@code seq} and {@code time}; its size and the moment its
 * last byte arrived go to the shared {@link LoadStats}. One instance per connection, called from one thread at a time.
 */
final class FrameTally {
    private static final int PREFIX_CAP = 4096;

    private final LoadStats s;
    private final long windowStart, windowEnd;
    private final boolean binary;
    private final java.util.zip.Inflater inflater; // null unless frames are deflated
    private final byte[] compressed = new byte[PREFIX_CAP];
    private final byte[] prefix = new byte[PREFIX_CAP];
    private int prefixLen;
    private FrameHeader header;
    private boolean headerGivenUp;
    private long firstPartMs = -1;
    private long lastSeq = Long.MIN_VALUE;
    private boolean sawSnapshot;
    private int expectedSnapshots = 1; // the one on connect, plus one per subscribe we send
    volatile long deltasInWindow; // read (racily) at the end of the window

    FrameTally(LoadStats s, long windowStart, long windowEnd, io.skysentinel.wire.WireFormat format) {
        this.s = s;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.binary = format.plain() == io.skysentinel.wire.WireFormat.MSGPACK;
        this.inflater = format.deflated() ? new java.util.zip.Inflater() : null;
    }

    /** We sent a subscribe: its answer is a snapshot that is not a resync. */
    void expectSubscribeSnapshot() {
        expectedSnapshots++;
    }

    private boolean inWindow(long now) {
        return now >= windowStart && now < windowEnd;
    }

    /** Takes the start of a message part (without moving the buffer's position) while the header is still unknown. */
    void prefix(ByteBuffer data) {
        if (header != null || headerGivenUp) return;
        if (inflater != null) {
            inflatePrefix(data);
            return;
        }
        int take = Math.min(data.remaining(), PREFIX_CAP - prefixLen);
        data.get(data.position(), prefix, prefixLen, take);
        prefixLen += take;
        peek();
    }

    /** A deflated frame: inflate only as much as the header needs (the rest is counted, never inflated). */
    private void inflatePrefix(ByteBuffer data) {
        for (int pos = data.position(); pos < data.limit() && header == null && !headerGivenUp; ) {
            int n = Math.min(compressed.length, data.limit() - pos);
            data.get(pos, compressed, 0, n);
            pos += n;
            inflater.setInput(compressed, 0, n);
            try {
                while (!inflater.needsInput() && !inflater.finished() && prefixLen < PREFIX_CAP) {
                    int got = inflater.inflate(prefix, prefixLen, PREFIX_CAP - prefixLen);
                    prefixLen += got;
                    if (got == 0) break;
                }
            } catch (java.util.zip.DataFormatException e) {
                headerGivenUp = true;
                s.error("bad frame: not a zlib stream: " + e.getMessage());
                return;
            }
            peek();
        }
    }

    /** The same for a text part; JSON frames are ASCII in practice, so a char is taken as a byte. */
    void prefix(CharSequence data) {
        if (header != null || headerGivenUp) return;
        int take = Math.min(data.length(), PREFIX_CAP - prefixLen);
        for (int i = 0; i < take; i++) {
            char c = data.charAt(i);
            prefix[prefixLen++] = (byte) (c < 0x80 ? c : '?');
        }
        peek();
    }

    private void peek() {
        try {
            header =
                    binary ? FrameHeader.peekMsgpack(prefix, 0, prefixLen) : FrameHeader.peekJson(prefix, 0, prefixLen);
        } catch (IllegalArgumentException e) {
            headerGivenUp = true;
            s.error("bad frame: " + e.getMessage());
        }
        if (header == null && prefixLen >= PREFIX_CAP) headerGivenUp = true;
    }

    /** Counts {@code n} bytes of the current message that arrived at {@code now}; {@code last} ends the message. */
    void part(int n, long now, boolean last) {
        if (firstPartMs < 0) firstPartMs = now;
        s.bytesTotal.add(n);
        s.bytesSecond.add(n);
        if (inWindow(now)) s.bytesWindow.add(n);
        if (last) complete(now);
    }

    private void complete(long now) {
        boolean in = inWindow(now);
        s.framesTotal.increment();
        FrameHeader h = header;
        long first = firstPartMs;
        header = null;
        headerGivenUp = false;
        prefixLen = 0;
        if (inflater != null) inflater.reset();
        firstPartMs = -1;
        if (h == null || h.type() == null) {
            if (in) s.headerMisses.increment();
            return;
        }
        long lag = h.timeMs() == FrameHeader.NONE ? -1 : now - h.timeMs();
        switch (h.type()) {
            case "snapshot" -> snapshot(h, lag, in);
            case "delta" -> delta(h, lag, first, in);
            case "status" -> {
                if (in) {
                    s.statuses.increment();
                    if (lag >= 0) s.statusLag.record(lag);
                }
            }
            case "error" -> {
                if (in) s.errorFrames.increment();
                s.error("error frame received");
            }
            default -> {
                if (in) s.otherFrames.increment();
            }
        }
    }

    private void snapshot(FrameHeader h, long lag, boolean in) {
        if (expectedSnapshots > 0) {
            expectedSnapshots--;
            if (!sawSnapshot) s.initialSnapshots.increment();
        } else if (sawSnapshot) {
            s.resyncsTotal.increment();
            if (in) s.resyncsWindow.increment();
        } else {
            s.initialSnapshots.increment();
        }
        sawSnapshot = true;
        lastSeq = h.seq();
        if (in) {
            s.snapshots.increment();
            if (lag >= 0) s.snapshotLag.record(lag);
        }
    }

    private void delta(FrameHeader h, long lag, long firstPartMs, boolean in) {
        if (!sawSnapshot) {
            s.deltaBeforeSnapshot.increment();
        } else if (h.seq() != lastSeq + 1) {
            s.gapsTotal.increment();
            if (in) s.gapsWindow.increment();
        }
        lastSeq = h.seq();
        s.deltasSecond.increment();
        if (lag >= 0) s.maxLagSecond.accumulateAndGet(lag, Math::max);
        if (in) {
            s.deltas.increment();
            deltasInWindow++;
            if (lag >= 0) {
                s.deltaLag.record(lag);
                s.deltaFirstByteLag.record(firstPartMs - h.timeMs());
            }
        }
    }
}
