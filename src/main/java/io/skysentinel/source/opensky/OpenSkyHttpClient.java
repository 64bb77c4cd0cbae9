package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;
import io.skysentinel.core.HttpBodies;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code GET /states/all} for one region, turned into a {@link FetchResult}. Handles authentication (a 401
 * gets one token refresh and one retry) and reads at most {@link #MAX_BODY_BYTES}. Knows nothing of budgets,
 * retries over time or parsing.
 */
final class OpenSkyHttpClient {

    /** A global extended body is about 1 MB; far more than that is not a states body. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** When a 429 forgets to say how long to wait. */
    static final long DEFAULT_RETRY_AFTER_S = 60;

    private static final String USER_AGENT = "SkySentinel/0.1 (opensky source)";

    private final HttpClient http;
    private final String baseUrl;
    private final boolean extended;
    private final Duration timeout;
    private final TokenProvider tokens;

    OpenSkyHttpClient(HttpClient http, String baseUrl, boolean extended, Duration timeout, TokenProvider tokens) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.extended = extended;
        this.timeout = timeout;
        this.tokens = tokens;
    }

    /** The request URI for a region (null region: the whole world). */
    URI statesUri(Region region) {
        StringBuilder q = new StringBuilder(baseUrl).append("/states/all");
        char sep = '?';
        if (region != null) {
            q.append("?lamin=")
                    .append(num(region.lamin()))
                    .append("&lomin=")
                    .append(num(region.lomin()))
                    .append("&lamax=")
                    .append(num(region.lamax()))
                    .append("&lomax=")
                    .append(num(region.lomax()));
            sep = '&';
        }
        if (extended) q.append(sep).append("extended=1");
        return URI.create(q.toString());
    }

    FetchResult fetch(Region region) throws InterruptedException {
        URI uri = statesUri(region);
        String token;
        try {
            token = tokens.bearerToken();
        } catch (TokenProvider.TokenException e) {
            return tokenFailure(e);
        }
        FetchResult first = send(uri, token);
        if (!(first instanceof FetchResult.Unauthorized) || token == null) return first;
        // The token may have been revoked or expired early: one fresh token, one retry, no loop.
        tokens.invalidate(token);
        try {
            token = tokens.bearerToken();
        } catch (TokenProvider.TokenException e) {
            return tokenFailure(e);
        }
        return send(uri, token);
    }

    private FetchResult send(URI uri, String token) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .GET()
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", USER_AGENT);
        if (token != null) b.header("Authorization", "Bearer " + token);
        long started = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new FetchResult.Timeout("no answer from " + uri.getHost() + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new FetchResult.Failed("request failed: " + e, OptionalLong.empty());
        }
        OptionalLong remaining = longHeader(response, "X-Rate-Limit-Remaining");
        int status = response.statusCode();
        if (status != 200) {
            HttpBodies.closeQuietly(response.body()); // we do not need error pages; closing also frees the exchange
            return statusResult(response, status, remaining);
        }
        // The request timeout only covers the headers; a body that trickles in is cut off at the same deadline.
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
            return new FetchResult.Body(HttpBodies.readBounded(response, in, MAX_BODY_BYTES), remaining);
        } catch (IOException e) {
            if (cutOff.get()) return new FetchResult.Timeout("body not received within " + timeout.toMillis() + " ms");
            return new FetchResult.Failed("reading the body failed: " + e.getMessage(), remaining);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static FetchResult statusResult(HttpResponse<?> response, int status, OptionalLong remaining) {
        if (status == 429) {
            long retry =
                    longHeader(response, "X-Rate-Limit-Retry-After-Seconds").orElse(DEFAULT_RETRY_AFTER_S);
            return new FetchResult.RateLimited(Math.max(0, retry), remaining);
        }
        if (status == 401 || status == 403)
            return new FetchResult.Unauthorized("API answered HTTP " + status, remaining);
        if (status >= 500) return new FetchResult.ServerError(status, remaining);
        return new FetchResult.Failed("API answered HTTP " + status, remaining);
    }

    private static FetchResult tokenFailure(TokenProvider.TokenException e) {
        if (e.status == 400 || e.status == 401 || e.status == 403) {
            return new FetchResult.Unauthorized(
                    "token endpoint rejected the client credentials (HTTP " + e.status + ")", OptionalLong.empty());
        }
        if (e.status >= 500) return new FetchResult.ServerError(e.status, OptionalLong.empty());
        if (e.getCause() instanceof HttpTimeoutException)
            return new FetchResult.Timeout("token endpoint: no answer in time");
        return new FetchResult.Failed(e.getMessage(), OptionalLong.empty());
    }

    private static OptionalLong longHeader(HttpResponse<?> response, String name) {
        return response.headers()
                .firstValue(name)
                .map(String::strip)
                .filter(v -> v.matches("-?\\d{1,18}"))
                .map(v -> OptionalLong.of(Long.parseLong(v)))
                .orElse(OptionalLong.empty());
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
