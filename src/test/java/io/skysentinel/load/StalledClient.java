package io.skysentinel.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client that never reads (issue 13, {@code --non-readers}): it completes the WebSocket handshake and then leaves
 * every frame unread, with a small receive buffer, so the server's send to it blocks within a few frames. What that
 * costs the readers (their lag) and the server (its memory, its queue drops) is what the run measures.
 */
final class StalledClient implements AutoCloseable {

    private final Socket socket;

    private StalledClient(Socket socket) {
        this.socket = socket;
    }

    static StalledClient open(URI uri) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) { // the answer's head only, byte by byte: then no more reads
            int b = in.read();
            if (b < 0) throw new IOException("closed during the handshake");
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101"))
            throw new IOException("no 101: " + head.toString().strip());
        return new StalledClient(s);
    }

    /** Still connected from our side (the server may have closed it: we never read to find out). */
    boolean open() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
