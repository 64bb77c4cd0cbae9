package io.skysentinel.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny real HTTP client for integration tests: plain JDK HttpClient, JSON read with Jackson. */
public final class HttpJson {

    public record Response(
            int status,
            String contentType,
            String body,
            JsonNode json,
            java.util.Map<String, java.util.List<String>> headers) {

        /** The first value of a response header (case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String base;
    private final String[] headers;

    public HttpJson(int port) {
        this("http://127.0.0.1:" + port, new String[0], client(null));
    }

    private HttpJson(String base, String[] headers, HttpClient http) {
        this.base = base;
        this.headers = headers;
        this.http = http;
    }

    /**
     * A client whose requests come from {@code localAddress} (e.g. 127.0.0.7): per-address limits see it as another
     * client.
     */
    public static HttpJson from(String localAddress, int port) {
        try {
            return new HttpJson(
                    "http://127.0.0.1:" + port, new String[0], client(java.net.InetAddress.getByName(localAddress)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpClient client(java.net.InetAddress local) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5));
        if (local != null) b.localAddress(local);
        return b.build();
    }

    /** The same client sending {@code name: value} with every request (e.g. an Authorization header). */
    public HttpJson withHeader(String name, String value) {
        String[] h = java.util.Arrays.copyOf(headers, headers.length + 2);
        h[headers.length] = name;
        h[headers.length + 1] = value;
        return new HttpJson(base, h, http);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POSTs {@code body} with the given Content-Type. */
    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, with an optional body (null: none). */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /** Any method with a JSON body (null: none) and header name/value pairs. */
    public Response request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    /** GETs until the response satisfies {@code done} or the deadline passes; returns the last response. */
    public Response await(String path, Predicate<Response> done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Response r = get(path);
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = get(path);
        }
        return r;
    }

    private Response send(HttpRequest.Builder b) {
        if (headers.length > 0) b.headers(headers);
        try {
            HttpResponse<String> r =
                    http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(
                    r.statusCode(), type, r.body(), json, r.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }
}
