package io.skysentinel.source.opensky;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for OpenSky on loopback: an OAuth2 token endpoint that issues short-lived tokens, and
 * {@code /api/states/all} answering from a script (then a default body), with credit headers and a token check.
 */
final class FakeOpenSky implements AutoCloseable {

    /** One scripted answer of /states/all. */
    record Reply(int status, byte[] body, Map<String, String> headers, long delayMs) {
        static Reply ok(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }

        static Reply status(int status) {
            return new Reply(status, "{\"error\":\"scripted\"}".getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMs);
        }

        Reply delayed(long ms) {
            return new Reply(status, body, headers, ms);
        }
    }

    /** What the server saw of one /states/all request. */
    record Seen(String query, String authorization, long atNanos, int status) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    volatile Reply fallback = Reply.ok(body(1_000, row("abc001", 40.7, -74.0)));
    volatile boolean failing; // while true every request gets a 503
    volatile boolean checkOverlap = true;
    final List<Seen> states = new CopyOnWriteArrayList<>();
    final List<byte[]> servedBodies = new CopyOnWriteArrayList<>(); // every 200 body, in order
    final List<String> tokenForms = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger expiredTokenSeen = new AtomicInteger();
    final AtomicLong credits = new AtomicLong(10_000_000);
    volatile long tokenLifetimeS = 3600;
    private final Map<String, Long> tokenExpiryNanos = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each small answer waits ~40 ms for
        // a delayed ACK. Read once, when the first server in the JVM starts; FakeOpenSky is the only one in the tests.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeOpenSky() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/token", this::token);
        server.createContext("/api/states/all", this::states);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    static String row(String icao, double lat, double lon) {
        return "[\"" + icao + "\",\"TST1    \",\"United States\",1000,1000," + lon + "," + lat
                + ",1000.0,false,200.0,90.0,0.0,null,1050.0,\"1234\",false,0,3]";
    }

    static String body(long time, String... rows) {
        return "{\"time\":" + time + ",\"states\":[" + String.join(",", rows) + "]}";
    }

    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenForms.add(form);
        int n = tokenRequests.incrementAndGet();
        Map<String, String> f = parseForm(form);
        if (!"POST".equals(ex.getRequestMethod())
                || !"client_credentials".equals(f.get("grant_type"))
                || !"sky-client".equals(f.get("client_id"))
                || !"s3cret&=".equals(f.get("client_secret"))) {
            send(ex, 401, "{\"error\":\"invalid_client\"}".getBytes(), Map.of());
            return;
        }
        String token = "tok-" + n;
        tokenExpiryNanos.put(token, System.nanoTime() + tokenLifetimeS * 1_000_000_000L);
        send(
                ex,
                200,
                ("{\"access_token\":\"" + token + "\",\"expires_in\":" + tokenLifetimeS + ",\"token_type\":\"Bearer\"}")
                        .getBytes(),
                Map.of("Content-Type", "application/json"));
    }

    private void states(HttpExchange ex) throws IOException {
        int c = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(c, Math::max);
        try {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Reply reply = failing ? Reply.status(503) : script.poll();
            if (reply == null) reply = fallback;
            if (auth != null && auth.startsWith("Bearer ")) {
                Long exp = tokenExpiryNanos.get(auth.substring(7));
                if (exp == null || System.nanoTime() > exp) {
                    expiredTokenSeen.incrementAndGet();
                    reply = Reply.status(401);
                }
            }
            states.add(new Seen(ex.getRequestURI().getRawQuery(), auth, System.nanoTime(), reply.status()));
            if (reply.delayMs() > 0) sleep(reply.delayMs());
            Map<String, String> headers = new HashMap<>(reply.headers());
            if (reply.status() == 200) {
                headers.putIfAbsent("X-Rate-Limit-Remaining", String.valueOf(credits.addAndGet(-1)));
                servedBodies.add(reply.body());
            }
            send(ex, reply.status(), reply.body(), headers);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // client gave up (timeout test); nothing to do
        }
    }

    private static Map<String, String> parseForm(String form) {
        Map<String, String> m = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0)
                m.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Seen> statesSnapshot() {
        return new ArrayList<>(states);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
