package io.skysentinel.load;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** One WebSocket client. The JDK calls a listener's methods one at a time, so its fields need no locking. */
final class PushClient implements WebSocket.Listener {
    private static final int PREFIX_CAP = 4096;

    private final LoadStats s;
    private final long windowStart, windowEnd;
    private final boolean binary;
    private final byte[] prefix = new byte[PREFIX_CAP];
    private int prefixLen;
    private FrameHeader header;
    private boolean headerGivenUp;
    private long firstPartMs = -1;
    private long lastSeq = Long.MIN_VALUE;
    private boolean sawSnapshot;
    long deltasInWindow;              // read (racily) by ClientPool at the end of the window
    volatile WebSocket ws;
    volatile boolean closed;          // by the server, by an error, or at the end
    volatile boolean closingByUs;     // our close handshake at the end: its answer is not a server close

    PushClient(LoadStats s, long windowStart, long windowEnd, boolean binary) {
        this.s = s;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.binary = binary;
    }

    private boolean inWindow(long now) {
        return now >= windowStart && now < windowEnd;
    }

    @Override
    public void onOpen(WebSocket ws) {
        this.ws = ws;
        s.open.incrementAndGet();
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        long now = System.currentTimeMillis();
        int n = data.remaining();
        if (firstPartMs < 0) firstPartMs = now;
        if (header == null && !headerGivenUp) {
            int take = Math.min(n, PREFIX_CAP - prefixLen);
            data.get(data.position(), prefix, prefixLen, take);
            prefixLen += take;
            peek();
        }
        part(n, now, last);
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.currentTimeMillis();
        // JSON frames are ASCII in practice; bytes counted as chars (the server's own byte counter is reported too).
        int n = data.length();
        if (firstPartMs < 0) firstPartMs = now;
        if (header == null && !headerGivenUp) {
            int take = Math.min(n, PREFIX_CAP - prefixLen);
            for (int i = 0; i < take; i++) {
                char c = data.charAt(i);
                prefix[prefixLen++] = (byte) (c < 0x80 ? c : '?');
            }
            peek();
        }
        part(n, now, last);
        ws.request(1);
        return null;
    }

    private void peek() {
        try {
            header = binary ? FrameHeader.peekMsgpack(prefix, 0, prefixLen) : FrameHeader.peekJson(prefix, 0, prefixLen);
        } catch (IllegalArgumentException e) {
            headerGivenUp = true;
            s.error("bad frame: " + e.getMessage());
        }
        if (header == null && prefixLen >= PREFIX_CAP) headerGivenUp = true;
    }

    private void part(int n, long now, boolean last) {
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
        firstPartMs = -1;
        if (h == null || h.type() == null) {
            if (in) s.headerMisses.increment();
            return;
        }
        long lag = h.timeMs() == FrameHeader.NONE ? -1 : now - h.timeMs();
        switch (h.type()) {
            case "snapshot" -> {
                if (sawSnapshot) {
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
            case "delta" -> {
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
                        s.deltaFirstByteLag.record(first - h.timeMs());
                    }
                }
            }
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

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        s.pings.increment(); // the JDK answers with a pong itself
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (!closed && !closingByUs) {
            closed = true;
            s.open.decrementAndGet();
            s.closedByServer.incrementAndGet();
            s.closeCodes.computeIfAbsent(statusCode, k -> new AtomicInteger()).incrementAndGet();
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        if (closingByUs) return;
        s.errors.incrementAndGet();
        s.error("socket error: " + error + (error.getCause() != null ? " caused by " + error.getCause() : ""));
        if (!closed) {
            closed = true;
            s.open.decrementAndGet();
        }
    }
}
