package io.skysentinel.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local webhook receiver (stands in for the services users point rules at): records every POST with its headers
 * and body, per path, and answers 200, or for a path given {@link #failFirst} 500 that many times first.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    public record Received(String path, Map<String, String> headers, String body, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final Map<String, LinkedBlockingQueue<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            String path = ex.getRequestURI().getPath();
            AtomicInteger left = failuresLeft.get(path);
            int status = refusals.containsKey(path)
                    ? refusals.get(path)
                    : left != null && left.getAndDecrement() > 0 ? 500 : 200;
            Received r = new Received(path, headers, body, status);
            all.add(r);
            queue(path).add(r);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    private LinkedBlockingQueue<Received> queue(String path) {
        return byPath.computeIfAbsent(path, k -> new LinkedBlockingQueue<>());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answer the next {@code n} requests to this path with 500. */
    public void failFirst(String path, int n) {
        failuresLeft.put(path, new AtomicInteger(n));
    }

    /** Answer every request to this path with {@code status}. */
    public void refuse(String path, int status) {
        refusals.put(path, status);
    }

    /** The next request to this path, waiting up to {@code within}; null when none came. */
    public Received next(String path, Duration within) throws InterruptedException {
        return queue(path).poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every request to this path so far. */
    public List<Received> received(String path) {
        return all.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
