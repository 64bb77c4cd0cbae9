package io.skysentinel.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OpenSky and VATSIM stand-ins on one loopback server whose data endpoints misbehave while {@link #faulty} is set:
 * of every 20 requests, 2 answer 503, 1 a body cut short (a complete response whose JSON ends mid-way) and 1 hangs
 * longer than the client's timeout (10 %, 5 %, 5 %); the rest answer normally. Each good answer is fresh: OpenSky's
 * {@code time} and every row's last contact are now, and VATSIM's {@code update_timestamp} changes, so a poll that
 * succeeds is a new picture. The picture itself is fixed: {@link #OPENSKY_AIRCRAFT} aircraft and
 * {@link #VATSIM_PILOTS} pilots.
 */
final class FaultyUpstreams implements AutoCloseable {

    static final int OPENSKY_AIRCRAFT = 20, VATSIM_PILOTS = 10;

    /** What one request got. */
    enum Answer {
        OK,
        UNAVAILABLE,
        TRUNCATED,
        HUNG
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicLong> faulted = new ConcurrentHashMap<>();
    private final long hangMs;
    volatile boolean faulty;
    /** Answers by endpoint ("opensky", "vatsim") and kind. */
    final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    /** The OpenSky {@code time} and VATSIM stamp of the last good answer, epoch seconds. */
    final AtomicLong lastGoodOpenSky = new AtomicLong(), lastGoodVatsim = new AtomicLong();

    FaultyUpstreams(long hangMs) throws IOException {
        this.hangMs = hangMs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/token", this::token);
        server.createContext("/api/states/all", ex -> data(ex, "opensky"));
        server.createContext("/status.json", this::status);
        server.createContext("/v3/", ex -> data(ex, "vatsim"));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long count(String endpoint, Answer a) {
        AtomicLong n = answers.get(endpoint + "/" + a);
        return n == null ? 0 : n.get();
    }

    private void token(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        send(ex, 200, "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"Bearer\"}".getBytes());
    }

    private void status(HttpExchange ex) throws IOException {
        String body = "{\"data\":{\"v3\":[\"" + base() + "/v3/0/vatsim-data.json\"]}}";
        send(ex, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    private void data(HttpExchange ex, String endpoint) throws IOException {
        Answer a = faulty ? draw(endpoint) : Answer.OK;
        answers.computeIfAbsent(endpoint + "/" + a, k -> new AtomicLong()).incrementAndGet();
        long now = Instant.now().getEpochSecond();
        byte[] body = endpoint.equals("opensky") ? openSky(now) : vatsim(now);
        switch (a) {
            case UNAVAILABLE -> send(ex, 503, "{\"error\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8));
            case TRUNCATED -> send(ex, 200, Arrays.copyOf(body, body.length / 2));
            case HUNG -> {
                sleep(hangMs);
                send(ex, 200, body);
            }
            case OK -> {
                send(ex, 200, body);
                (endpoint.equals("opensky") ? lastGoodOpenSky : lastGoodVatsim).set(now);
            }
        }
    }

    /**
     * Exactly the shares in every 20 requests of an endpoint, spread over them (so a short run sees every
     * kind: random draws left a 20 s run without a hung request one time in fifty).
     */
    private Answer draw(String endpoint) {
        long n = faulted.computeIfAbsent(endpoint, k -> new AtomicLong()).getAndIncrement() % 20;
        if (n == 3 || n == 11) return Answer.UNAVAILABLE;
        if (n == 7) return Answer.TRUNCATED;
        if (n == 16) return Answer.HUNG;
        return Answer.OK;
    }

    static byte[] openSky(long now) {
        StringBuilder b = new StringBuilder("{\"time\":").append(now).append(",\"states\":[");
        for (int i = 0; i < OPENSKY_AIRCRAFT; i++) {
            if (i > 0) b.append(',');
            b.append(String.format(
                    Locale.ROOT,
                    "[\"%06x\",\"TST%d   \",\"Switzerland\",%d,%d,%.4f,%.4f,3000.0,false,200.0,90.0,0.0,null,3050.0,"
                            + "\"1000\",false,0,3]",
                    0xabc000 + i,
                    i,
                    now,
                    now,
                    7.0 + i * 0.05,
                    46.0 + i * 0.02));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] vatsim(long now) {
        String stamp = Instant.ofEpochSecond(now).toString();
        StringBuilder b = new StringBuilder("{\"general\":{\"update_timestamp\":\"")
                .append(stamp)
                .append("\",\"connected_clients\":")
                .append(VATSIM_PILOTS)
                .append(",\"unique_users\":")
                .append(VATSIM_PILOTS)
                .append("},\"pilots\":[");
        for (int i = 0; i < VATSIM_PILOTS; i++) {
            if (i > 0) b.append(',');
            b.append(String.format(
                    Locale.ROOT,
                    "{\"cid\":%d,\"name\":\"P\",\"callsign\":\"VAT%d\",\"server\":\"X\",\"pilot_rating\":0,"
                            + "\"latitude\":%.4f,\"longitude\":%.4f,\"altitude\":35000,\"groundspeed\":450,"
                            + "\"transponder\":\"2000\",\"heading\":90,\"qnh_mb\":1013,\"logon_time\":\"%s\","
                            + "\"last_updated\":\"%s\"}",
                    1_000_000 + i,
                    i,
                    50.0 + i * 0.1,
                    8.0 + i * 0.1,
                    stamp,
                    stamp));
        }
        return b.append("],\"controllers\":[],\"atis\":[],\"prefiles\":[],\"facilities\":[],\"ratings\":[]}")
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, byte[] body) {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("X-Rate-Limit-Remaining", "1000000");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up on a hung request: nothing to do
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
