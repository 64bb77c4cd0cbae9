package io.skysentinel.load;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One load client on a plain socket: the opening handshake by hand, then {@link RawFrameReader}. Written for two
 * reasons: it checks the server's framing byte by byte (a library client may hide or cause errors), and thousands of
 * them cost one selector thread instead of a library's machinery per connection. Bytes that arrive in the same read
 * as the 101 response are frames and are kept — losing them is a classic client bug that looks like a corrupt stream.
 * Only its {@link RawClientLoop} thread touches it, except the volatile flags.
 */
final class RawConnection implements RawFrameReader.Handler {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_RESPONSE_HEAD = 8192;

    final SocketChannel channel;
    final FrameTally tally;
    private final LoadStats s;
    private final String key;
    private final RawFrameReader reader = new RawFrameReader(this);
    private final ArrayDeque<ByteBuffer> writes = new ArrayDeque<>();
    private final byte[] subscribe; // sent once the handshake is done; null: stay on the whole world
    private byte[] responseHead = new byte[0];
    volatile boolean open; // handshake done, not closed
    volatile boolean closed;
    volatile boolean closingByUs;

    RawConnection(SocketChannel channel, URI uri, LoadStats s, FrameTally tally, String subscribe) {
        this.channel = channel;
        this.subscribe = subscribe == null ? null : subscribe.getBytes(StandardCharsets.UTF_8);
        this.s = s;
        this.tally = tally;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        writes.add(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Writes what is pending; true when everything went out (else wait for OP_WRITE). */
    boolean flush() throws IOException {
        while (!writes.isEmpty()) {
            ByteBuffer b = writes.peek();
            channel.write(b);
            if (b.hasRemaining()) return false;
            writes.poll();
        }
        return true;
    }

    /** Handles bytes just read; false when the connection must be closed now. */
    boolean received(ByteBuffer in, long now) {
        try {
            if (!open && !closed) {
                if (!handshake(in)) return !closed;
            }
            reader.feed(in);
            return !closed;
        } catch (RawFrameReader.ProtocolError e) {
            fail("protocol error from the server: " + e.getMessage());
            return false;
        }
    }

    /** Accumulates the response head; once complete, checks it and leaves any frame bytes after it in {@code in}. */
    private boolean handshake(ByteBuffer in) {
        int start = responseHead.length;
        byte[] grown = new byte[start + in.remaining()];
        System.arraycopy(responseHead, 0, grown, 0, start);
        in.get(in.position(), grown, start, in.remaining());
        int end = indexOfBlankLine(grown);
        if (end < 0) {
            responseHead = grown;
            in.position(in.limit());
            if (grown.length > MAX_RESPONSE_HEAD) fail("handshake response head too long");
            return false;
        }
        in.position(in.position() + (end - start));
        String head = new String(grown, 0, end, StandardCharsets.ISO_8859_1);
        responseHead = null;
        if (!head.startsWith("HTTP/1.1 101")) {
            fail("handshake refused: " + head.lines().findFirst().orElse(""));
            return false;
        }
        if (!head.toLowerCase()
                .contains("sec-websocket-accept: " + expectedAccept().toLowerCase())) {
            fail("handshake answer has no matching Sec-WebSocket-Accept");
            return false;
        }
        open = true;
        if (subscribe != null) {
            writes.add(clientFrame(RawFrameReader.TEXT, subscribe));
            tally.expectSubscribeSnapshot();
        }
        s.connected.incrementAndGet();
        s.open.incrementAndGet();
        return true;
    }

    private static int indexOfBlankLine(byte[] b) {
        for (int i = 3; i < b.length; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') return i + 1;
        }
        return -1;
    }

    private String expectedAccept() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void data(ByteBuffer chunk, boolean last) {
        tally.prefix(chunk);
        tally.part(chunk.remaining(), System.currentTimeMillis(), last);
    }

    @Override
    public void control(int opcode, byte[] payload) {
        switch (opcode) {
            case RawFrameReader.PING -> {
                s.pings.increment();
                writes.add(clientFrame(RawFrameReader.PONG, payload));
            }
            case RawFrameReader.CLOSE -> {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                if (!closingByUs && !closed) {
                    s.closedByServer.incrementAndGet();
                    s.closeCodes
                            .computeIfAbsent(code, k -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet();
                    writes.add(clientFrame(RawFrameReader.CLOSE, new byte[] {
                        payload.length >= 2 ? payload[0] : 3, payload.length >= 2 ? payload[1] : (byte) 0xE8
                    }));
                }
                markClosed();
            }
            default -> {} // an unsolicited pong is allowed and ignored
        }
    }

    /** Starts our side of the close handshake at the end of a run. */
    void sendClose() {
        closingByUs = true;
        writes.add(clientFrame(RawFrameReader.CLOSE, new byte[] {0x03, (byte) 0xE8})); // 1000
    }

    /** A client frame: always masked (RFC 6455 §5.3); payloads up to 64 KB here. */
    static ByteBuffer clientFrame(int opcode, byte[] payload) {
        if (payload.length > 0xFFFF) throw new IllegalArgumentException("client frame too long");
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            b.put((byte) (0x80 | payload.length));
        } else {
            b.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        b.put(mask);
        for (int i = 0; i < payload.length; i++) b.put((byte) (payload[i] ^ mask[i & 3]));
        return b.flip();
    }

    /** The server ended the stream without a close frame, or reading failed. */
    void lost(String why) {
        if (!closed && !closingByUs) fail(why);
        markClosed();
    }

    void fail(String why) {
        if (closed) return;
        s.errors.incrementAndGet();
        s.error(why);
        if (!open) s.failed.incrementAndGet();
        markClosed();
    }

    private void markClosed() {
        if (closed) return;
        closed = true;
        if (open) s.open.decrementAndGet();
        open = false;
    }
}
