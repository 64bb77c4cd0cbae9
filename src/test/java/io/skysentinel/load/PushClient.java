package io.skysentinel.load;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client on the JDK's {@link WebSocket}. The JDK calls a listener's methods one at a time, so its fields need no
 * locking. The counting is {@link FrameTally}'s.
 */
final class PushClient implements WebSocket.Listener {
    private final LoadStats s;
    final FrameTally tally;
    volatile WebSocket ws;
    volatile boolean closed; // by the server, by an error, or at the end
    volatile boolean closingByUs; // our close handshake at the end: its answer is not a server close

    PushClient(LoadStats s, long windowStart, long windowEnd, io.skysentinel.wire.WireFormat format) {
        this.s = s;
        this.tally = new FrameTally(s, windowStart, windowEnd, format);
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
        tally.prefix(data);
        tally.part(data.remaining(), now, last);
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.currentTimeMillis();
        // bytes counted as chars (JSON frames are ASCII in practice; the server's own byte counter is reported too)
        tally.prefix(data);
        tally.part(data.length(), now, last);
        ws.request(1);
        return null;
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
