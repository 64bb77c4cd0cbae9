package io.skysentinel.load;

import java.nio.ByteBuffer;

/**
 * A strict reader of the server-to-client side of a WebSocket stream (RFC 6455 §5.2), fed whatever bytes the socket
 * gives, cut anywhere. It is how the load tool checks the server's framing itself instead of trusting a client
 * library: any reserved bit, a masked server frame, an unknown opcode, a control frame that is fragmented or longer
 * than 125 bytes, or a continuation out of place is a {@link ProtocolError}, and the connection is failed.
 */
final class RawFrameReader {

    static final int CONTINUATION = 0, TEXT = 1, BINARY = 2, CLOSE = 8, PING = 9, PONG = 10;

    /** Where the frames go. Data payloads arrive in chunks, valid only during the call. */
    interface Handler {
        /** A chunk of a text or binary message; {@code last} is true on its final chunk. */
        void data(ByteBuffer chunk, boolean last);

        /** A whole control frame (close, ping or pong) with its payload. */
        void control(int opcode, byte[] payload);
    }

    static final class ProtocolError extends Exception {
        ProtocolError(String message) {
            super(message);
        }
    }

    private final Handler handler;
    private final byte[] head = new byte[10];
    private int headLen;
    private int opcode;
    private boolean fin;
    private long remaining = -1; // payload bytes left in the current frame; -1 while reading a header
    private boolean inMessage; // a text/binary message has started and not finished
    private byte[] control;
    private int controlLen;

    RawFrameReader(Handler handler) {
        this.handler = handler;
    }

    void feed(ByteBuffer in) throws ProtocolError {
        while (in.hasRemaining()) {
            if (remaining < 0) {
                if (!readHeader(in)) return;
                if (remaining == 0) endOfPayload(null);
                continue;
            }
            int n = (int) Math.min(remaining, in.remaining());
            ByteBuffer chunk = in.slice(in.position(), n);
            in.position(in.position() + n);
            remaining -= n;
            if (control != null) {
                chunk.get(control, controlLen, n);
                controlLen += n;
                if (remaining == 0) endOfPayload(null);
            } else {
                endOfPayload(chunk);
            }
        }
    }

    private void endOfPayload(ByteBuffer dataChunk) {
        boolean frameDone = remaining == 0;
        if (control != null) {
            if (frameDone) {
                byte[] c = control;
                control = null;
                remaining = -1;
                handler.control(opcode, c);
            }
            return;
        }
        boolean last = frameDone && fin;
        handler.data(dataChunk == null ? ByteBuffer.allocate(0) : dataChunk, last);
        if (frameDone) {
            remaining = -1;
            if (fin) inMessage = false;
        }
    }

    /** Reads header bytes; true once the whole header is in. */
    private boolean readHeader(ByteBuffer in) throws ProtocolError {
        while (in.hasRemaining()) {
            head[headLen++] = in.get();
            int need = headerLength();
            if (need > 0 && headLen == need) {
                parseHeader();
                headLen = 0;
                return true;
            }
        }
        return false;
    }

    /** The full header length once the second byte is known, else 0. */
    private int headerLength() {
        if (headLen < 2) return 0;
        int len7 = head[1] & 0x7F;
        return len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
    }

    private void parseHeader() throws ProtocolError {
        int b0 = head[0] & 0xFF, b1 = head[1] & 0xFF;
        if ((b0 & 0x70) != 0) throw new ProtocolError("reserved bits set: 0x" + Integer.toHexString(b0));
        if ((b1 & 0x80) != 0) throw new ProtocolError("masked frame from the server");
        fin = (b0 & 0x80) != 0;
        opcode = b0 & 0x0F;
        int len7 = b1 & 0x7F;
        long len = len7;
        if (len7 == 126) len = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (len7 == 127) {
            len = 0;
            for (int i = 2; i < 10; i++) len = (len << 8) | (head[i] & 0xFF);
            if (len < 0) throw new ProtocolError("64-bit length with the top bit set");
        }
        switch (opcode) {
            case TEXT, BINARY -> {
                if (inMessage) throw new ProtocolError("new data frame inside a fragmented message");
                inMessage = true; // until its FIN frame has been delivered (endOfPayload)
            }
            case CONTINUATION -> {
                if (!inMessage) throw new ProtocolError("continuation without a message");
            }
            case CLOSE, PING, PONG -> {
                if (!fin) throw new ProtocolError("fragmented control frame");
                if (len > 125) throw new ProtocolError("control frame of " + len + " bytes");
                control = new byte[(int) len];
                controlLen = 0;
            }
            default -> throw new ProtocolError("unknown opcode " + opcode);
        }
        remaining = len;
    }
}
