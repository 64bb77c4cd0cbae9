package io.skysentinel.source.vatsim;

import io.skysentinel.core.HttpBodies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One GET of a VATSIM document (status.json or a data feed) with our User-Agent, one deadline for headers and body,
 * and at most {@link #MAX_BODY_BYTES}. Knows nothing of retries or parsing.
 */
final class VatsimHttpClient {

    /** The busiest feeds are a few MB; far more is not a feed. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** What a GET gave. */
    sealed interface Fetch {
        record Body(byte[] bytes) implements Fetch {}

        /** @param kind the {@code kind} tag of the feed-error counter: {@code http}, {@code timeout}, {@code io} */
        record Failed(String kind, String message) implements Fetch {}
    }

    private final HttpClient http;
    private final Duration timeout;
    private final String userAgent;

    VatsimHttpClient(HttpClient http, Duration timeout, String userAgent) {
        this.http = http;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** {@code SkySentinel/<version> (+https://github.com/skysentinel)}, the version from the jar's manifest. */
    static String userAgent() {
        String v = VatsimHttpClient.class.getPackage().getImplementationVersion();
        return "SkySentinel/" + (v == null || v.isBlank() ? "0.1.0" : v) + " (+https://github.com/skysentinel)";
    }

    Fetch get(URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .GET()
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", userAgent)
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Fetch.Failed("timeout", "no answer from " + uri.getHost() + " in " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Fetch.Failed("io", "request to " + uri.getHost() + " failed: " + e);
        }
        if (response.statusCode() != 200) {
            HttpBodies.closeQuietly(response.body());
            return new Fetch.Failed("http", uri.getHost() + " answered HTTP " + response.statusCode());
        }
        // The request timeout covers only the headers; a body that trickles in is cut off at the same deadline.
        long leftNs = Math.max(1, timeout.toNanos() - (System.nanoTime() - started));
        AtomicBoolean cutOff = new AtomicBoolean();
        InputStream in = response.body();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(
                () -> {
                    cutOff.set(true);
                    HttpBodies.closeQuietly(in);
                },
                CompletableFuture.delayedExecutor(leftNs, TimeUnit.NANOSECONDS));
        try (in) {
            return new Fetch.Body(HttpBodies.readBounded(response, in, MAX_BODY_BYTES));
        } catch (IOException e) {
            if (cutOff.get())
                return new Fetch.Failed("timeout", "body not received within " + timeout.toMillis() + " ms");
            return new Fetch.Failed("io", "reading the body failed: " + e.getMessage());
        } finally {
            watchdog.cancel(false);
        }
    }
}
