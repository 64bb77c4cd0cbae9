package io.skysentinel.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread serving many {@link RawConnection}s: connect, write the handshake, read and parse. Reads go
 * through one shared buffer, parsed in place, so a connection costs its socket and a few small objects.
 */
final class RawClientLoop implements Runnable {
    private static final int READ_BUFFER = 256 * 1024;

    private final Selector selector;
    private final ConcurrentLinkedQueue<RawConnection> incoming = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<RawConnection> all = new ArrayList<>(); // loop thread only
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final Thread thread;
    private volatile boolean running = true;

    RawClientLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a non-blocking connection to {@code uri} and hands it to the loop; {@code subscribe} may be null. */
    RawConnection connect(URI uri, LoadStats s, FrameTally tally, String subscribe) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        RawConnection c = new RawConnection(ch, uri, s, tally, subscribe);
        ch.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        incoming.add(c);
        selector.wakeup();
        return c;
    }

    /** Runs {@code r} on the loop thread (so it may touch connections). */
    void submit(Runnable r) {
        tasks.add(r);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(500);
                for (RawConnection c; (c = incoming.poll()) != null; ) {
                    all.add(c);
                    c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                }
                for (Runnable r; (r = tasks.poll()) != null; ) r.run();
                for (SelectionKey k : selector.selectedKeys()) handle(k);
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) System.err.println("raw client loop failed: " + e);
        }
    }

    private void handle(SelectionKey k) {
        RawConnection c = (RawConnection) k.attachment();
        try {
            if (!k.isValid()) return;
            if (k.isConnectable()) {
                c.channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ);
                flush(k, c);
                return;
            }
            if (k.isWritable()) flush(k, c);
            if (k.isReadable()) read(k, c);
        } catch (IOException e) {
            c.lost((c.open ? "socket error: " : "connect failed: ") + e);
            close(k, c);
        }
    }

    private void read(SelectionKey k, RawConnection c) throws IOException {
        buffer.clear();
        int n = c.channel.read(buffer);
        if (n < 0) {
            c.lost("server ended the stream without a close frame");
            close(k, c);
            return;
        }
        buffer.flip();
        boolean keep = c.received(buffer, System.currentTimeMillis());
        flush(k, c); // pongs and close replies
        if (!keep) close(k, c);
    }

    /** Writes what the connection has pending; asks for OP_WRITE when the socket is full. */
    void flush(SelectionKey k, RawConnection c) throws IOException {
        boolean done = c.flush();
        if (k.isValid()) k.interestOps(done ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    private static void close(SelectionKey k, RawConnection c) {
        k.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Sends every open connection a close frame (on the loop thread). */
    void closeAllGracefully() {
        submit(() -> {
            for (RawConnection c : all) {
                SelectionKey k = c.channel.keyFor(selector);
                if (k == null || !k.isValid()) continue;
                c.sendClose();
                try {
                    flush(k, c);
                } catch (IOException e) {
                    close(k, c);
                }
            }
        });
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            for (RawConnection c : all) c.channel.close();
            selector.close();
        } catch (IOException | InterruptedException ignored) {
            // shutting down
        }
    }
}
