package io.skysentinel.api.ws;

import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One push client: a bounded queue of shared frames and one virtual thread that sends them in order. The broadcaster
 * only ever offers (it never blocks on a client). When the queue is full — the client reads slower than frames come —
 * everything queued is dropped and the client is marked for resync: its next frame is a fresh snapshot. So memory per
 * client is bounded and a slow reader never slows the others.
 */
final class ClientConnection {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    /** Wakes the sender so it sees {@code closed} at once instead of after its poll timeout. */
    private static final OutFrame WAKE = OutFrame.ping(0);

    final WebSocketSession session;
    final WireFormat format;
    final String endpoint;
    private final ArrayBlockingQueue<OutFrame> queue;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean resyncPending = new AtomicBoolean();
    private final WsMetrics metrics;
    private volatile boolean closed;
    private volatile CloseStatus closeStatus = CloseStatus.NORMAL;
    private Thread sender;
    View view; // broadcaster thread only
    AlertSubscription alerts = AlertSubscription.NONE; // broadcaster thread only

    ClientConnection(
            WebSocketSession session, WireFormat format, String endpoint, WsSettings settings, WsMetrics metrics) {
        this.session = session;
        this.format = format;
        this.endpoint = endpoint;
        this.queue = new ArrayBlockingQueue<>(settings.clientQueueFrames());
        this.maxQueuedBytes = settings.clientQueueBytes();
        this.metrics = metrics;
        if (session instanceof NativeWebSocketSession n
                && n.getNativeSession() instanceof jakarta.websocket.Session s) {
            // Tomcat: a blocking send to a client that stopped reading gives up after this long (then we close it).
            s.getUserProperties()
                    .put(
                            "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT",
                            settings.sendTimeout().toMillis());
        }
    }

    /**
     * A new client of {@code endpoint}, in the format its {@code ?format=…&compress=…} asks for (docs/websocket.md), or
     * null when it is refused and closed: a bad format gets an error frame and 1008, a full endpoint 1013.
     */
    static ClientConnection accept(
            WebSocketSession session, String endpoint, int connected, WsSettings settings, WsMetrics metrics)
            throws IOException {
        WireFormat format;
        try {
            var query = UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams();
            format = WireFormat.parse(query.getFirst("format"), query.getFirst("compress"));
        } catch (IllegalArgumentException e) {
            byte[] error = FrameEncoder.of(WireFormat.JSON)
                    .error(System.currentTimeMillis(), "query parameter " + e.getMessage());
            session.sendMessage(new TextMessage(new String(error, StandardCharsets.UTF_8)));
            session.close(CloseStatus.POLICY_VIOLATION.withReason("bad format parameter"));
            return null;
        }
        if (connected >= settings.maxClients()) {
            metrics.rejected(endpoint);
            session.close(CloseStatus.SERVICE_OVERLOAD.withReason("client limit reached; try again later"));
            return null;
        }
        return new ClientConnection(session, format, endpoint, settings, metrics);
    }

    void start() {
        sender = Thread.ofVirtual().name("ws-send-" + session.getId()).start(this::sendLoop);
    }

    /**
     * Queues a frame. Returns false when the queue was full: then it was emptied (those frames dropped and counted)
     * and a resync is pending. Control frames (ping) are simply skipped when full.
     */
    boolean offer(OutFrame frame) {
        if (closed) return false;
        if (queuedBytes.get() + frame.bytes() <= maxQueuedBytes && queue.offer(frame)) {
            queuedBytes.addAndGet(frame.bytes());
            return true;
        }
        if (frame.payload() == null) return false;
        int dropped = 1;
        OutFrame f;
        while ((f = queue.poll()) != null) {
            queuedBytes.addAndGet(-f.bytes());
            dropped++;
        }
        metrics.dropped(endpoint, dropped);
        if (resyncPending.compareAndSet(false, true)) metrics.resync(endpoint);
        return false;
    }

    /** True once: the caller must now send a snapshot. */
    boolean takeResync() {
        return resyncPending.getAndSet(false);
    }

    boolean resyncPending() {
        return resyncPending.get();
    }

    /**
     * The only place that writes to the session, close frame included: a close written from another thread while a
     * frame is half sent would interleave with it and corrupt the stream for the client. {@link #close} therefore
     * only flags and wakes this loop (never interrupts it mid-write).
     */
    private void sendLoop() {
        try {
            while (!closed) {
                OutFrame f = queue.poll(1, TimeUnit.SECONDS);
                if (f == null || f == WAKE) continue;
                queuedBytes.addAndGet(-f.bytes());
                session.sendMessage(f.message());
                metrics.sent(endpoint, f, System.currentTimeMillis() - f.producedAtMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closed) log.debug("Push client {} failed, closing: {}", session.getId(), e.toString());
            closed = true;
            closeStatus = CloseStatus.SESSION_NOT_RELIABLE;
        } finally {
            closeSession();
        }
    }

    /** Marks the client closed; its sender finishes the frame in flight, then closes the session. */
    void close(CloseStatus status) {
        if (closed) return;
        closeStatus = status;
        closed = true;
        queue.clear();
        if (sender == null) closeSession();
        else queue.offer(WAKE);
    }

    private void closeSession() {
        try {
            if (session.isOpen()) session.close(closeStatus);
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
    }

    boolean closed() {
        return closed;
    }

    int queued() {
        return queue.size();
    }
}
