package io.skysentinel.source.vatsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for VATSIM on loopback: {@code /status.json} listing {@code mirrors} data URLs
 * {@code /v3/<n>/vatsim-data.json}, each serving the current feed (a recorded one), or a scripted fault first.
 */
final class FakeVatsim implements AutoCloseable {

    /** One scripted answer of a data URL. */
    record Reply(int status, byte[] body, long delayMs) {
        static Reply ok(byte[] body) {
            return new Reply(200, body, 0);
        }

        static Reply status(int status) {
            return new Reply(status, "oops".getBytes(StandardCharsets.UTF_8), 0);
        }

        static Reply hang(long ms) {
            return new Reply(200, "{}".getBytes(StandardCharsets.UTF_8), ms);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final int mirrors;
    final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    volatile byte[] feed;
    volatile byte[] statusOverride; // when set, served instead of the normal status
    volatile int statusFailure; // when not 0, status.json answers this HTTP status
    final List<Integer> mirrorHits = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    final AtomicInteger statusRequests = new AtomicInteger();

    FakeVatsim(int mirrors, byte[] feed) throws IOException {
        this.mirrors = mirrors;
        this.feed = feed;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/status.json", this::status);
        server.createContext("/v3/", this::data);
        server.start();
    }

    String statusUrl() {
        return base() + "/status.json";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void status(HttpExchange ex) throws IOException {
        statusRequests.incrementAndGet();
        userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        if (statusFailure != 0) {
            send(ex, statusFailure, "down".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] override = statusOverride;
        if (override != null) {
            send(ex, 200, override);
            return;
        }
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < mirrors; i++)
            urls.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(base())
                    .append("/v3/")
                    .append(i)
                    .append("/vatsim-data.json\"");
        // the 2021 form: data.v3, user and metar only
        String body = "{\"data\":{\"v3\":[" + urls + "]},\"user\":[\"" + base() + "/user\"],\"metar\":[\"" + base()
                + "/metar\"]}";
        send(ex, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    private void data(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().split("/");
        mirrorHits.add(Integer.parseInt(parts[2]));
        userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        Reply r = script.poll();
        if (r == null) r = Reply.ok(feed);
        if (r.delayMs() > 0) {
            try {
                Thread.sleep(r.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(ex, r.status(), r.body());
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
