package io.skysentinel.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The clients: connected gradually over the ramp through a few shared {@link HttpClient}s on a small daemon pool
 * (one HttpClient per connection would cost a selector thread each), and closed together at the end.
 */
final class ClientPool implements LoadClients {

    private final LoadOptions o;
    private final LoadStats s;
    private final ExecutorService pool;
    private final List<HttpClient> https = new ArrayList<>();
    private final List<PushClient> clients;
    private final List<CompletableFuture<WebSocket>> connects;

    ClientPool(LoadOptions o, LoadStats s) {
        this.o = o;
        this.s = s;
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "ws-load-io");
            t.setDaemon(true);
            return t;
        };
        pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), daemon);
        for (int i = 0; i < Math.max(1, o.httpClients()); i++) {
            https.add(HttpClient.newBuilder()
                    .executor(pool)
                    .connectTimeout(Duration.ofSeconds(15))
                    .build());
        }
        clients = new ArrayList<>(o.clients());
        connects = new ArrayList<>(o.clients());
    }

    /** Connect gradually over the ramp, at most maxPendingConnects handshakes in flight. */
    @Override
    public void connectOverRamp(URI uri, long t0, long windowStart, long windowEnd) throws InterruptedException {
        long rampMs = o.ramp().toMillis();
        Semaphore pending = new Semaphore(Math.max(1, o.maxPendingConnects()));
        int notAttempted = 0;
        for (int i = 0; i < o.clients(); i++) {
            long due = t0 + (o.clients() == 1 ? 0 : rampMs * i / o.clients());
            long wait = due - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            // A connect not even started by the end of the warm-up (the server stopped answering handshakes, so every
            // slot is taken) is given up: the run stays bounded and such clients count as failed.
            long left = windowStart - System.currentTimeMillis();
            if (left <= 0 || !pending.tryAcquire(left, TimeUnit.MILLISECONDS)) {
                notAttempted = o.clients() - i;
                s.failed.addAndGet(notAttempted);
                s.error(notAttempted + " connects not started by the end of the warm-up (" + o.maxPendingConnects()
                        + " handshakes pending)");
                break;
            }
            PushClient c = new PushClient(s, windowStart, windowEnd, o.wireFormat());
            clients.add(c);
            HttpClient http = https.get(i % https.size());
            CompletableFuture<WebSocket> f = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(15))
                    .buildAsync(uri, c)
                    .whenComplete((ws, e) -> {
                        pending.release();
                        if (e != null) {
                            s.failed.incrementAndGet();
                            s.error("connect failed: " + (e.getCause() != null ? e.getCause() : e));
                        } else {
                            s.connected.incrementAndGet();
                        }
                    });
            connects.add(f);
        }
    }

    /** Connected clients that got no delta in the window; read racily: a count, not a proof. */
    @Override
    public int withoutDeltaInWindow() {
        int withoutDelta = 0;
        for (PushClient c : clients) if (c.ws != null && c.tally.deltasInWindow == 0) withoutDelta++;
        return withoutDelta;
    }

    /** Close every client: a close handshake, then abort whatever is left after 5 s. */
    @Override
    public void closeAll() {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (PushClient c : clients) {
            c.closingByUs = true;
            WebSocket ws = c.ws;
            if (ws != null && !ws.isOutputClosed()) {
                closing.add(ws.sendClose(WebSocket.NORMAL_CLOSURE, "load test done")
                        .toCompletableFuture()
                        .exceptionally(e -> null));
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // some did not answer in time: aborted below
        }
        for (PushClient c : clients) {
            c.closed = true;
            if (c.ws != null) c.ws.abort();
        }
        for (CompletableFuture<WebSocket> f : connects) f.cancel(true);
        pool.shutdownNow();
    }
}
