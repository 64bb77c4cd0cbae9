package io.skysentinel.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) for push tests: frames arrive decoded as Jackson trees, JSON or MessagePack.
 * {@link #pause()} stops asking for more frames, so the server sees a client that stopped reading (TCP backpressure).
 */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    public final AtomicInteger pings = new AtomicInteger();
    private volatile boolean paused;
    private volatile int closeCode = -1;
    private final WebSocket socket;
    private final boolean deflated, msgpack;

    public WsTestClient(String url) {
        this(url, HttpClient.newHttpClient());
    }

    /** Through {@code http} (e.g. one bound to another local address, a distinct client to per-address limits). */
    public WsTestClient(String url, HttpClient http) {
        this.deflated = url.contains("compress=deflate");
        this.msgpack = url.contains("format=msgpack");
        this.socket = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), this)
                .join();
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            frames.add(JSON.readTree(text.toString()));
            text.setLength(0);
        }
        next(ws);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            byte[] bytes = deflated ? inflate(binary.toByteArray()) : binary.toByteArray();
            frames.add(msgpack ? MsgpackTree.read(bytes) : JSON.readTree(bytes));
            binary.reset();
        }
        next(ws);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        pings.incrementAndGet();
        next(ws);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    private void next(WebSocket ws) {
        if (!paused) ws.request(1);
    }

    public void send(String message) {
        socket.sendText(message, true).join();
    }

    /** Stops reading: frames pile up in the server's queue and the TCP buffers. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        socket.request(1);
    }

    /** The next frame, or an AssertionError after {@code within}. */
    public JsonNode next(Duration within) throws InterruptedException {
        JsonNode f = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (f == null) throw new AssertionError("no frame within " + within);
        return f;
    }

    /** Frames until one matches (returned last), or an AssertionError. */
    public List<JsonNode> until(Predicate<JsonNode> done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null)
                throw new AssertionError("no matching frame within " + within + "; saw " + seen.size() + " frames");
            seen.add(f);
            if (done.test(f)) return seen;
        }
    }

    /** Every frame that arrives within {@code within} (none is fine). */
    public List<JsonNode> drain(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            JsonNode f = frames.poll(left, TimeUnit.NANOSECONDS);
            if (f != null) seen.add(f);
        }
        return seen;
    }

    public int closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** One whole zlib stream, as a browser's DecompressionStream("deflate") reads it; fails on trailing bytes. */
    public static byte[] inflate(byte[] zlib) {
        java.util.zip.Inflater inf = new java.util.zip.Inflater();
        try {
            inf.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary()))
                    throw new IllegalStateException("truncated zlib stream");
                out.write(buf, 0, n);
            }
            if (inf.getRemaining() != 0) throw new IllegalStateException("trailing bytes after the zlib stream");
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("not a zlib stream", e);
        } finally {
            inf.end();
        }
    }
}
