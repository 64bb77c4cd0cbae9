package io.skysentinel.source.opensky;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client-credentials access tokens for the OpenSky API (OpenSky dropped basic auth). The token is cached and
 * replaced shortly before {@code expires_in} runs out, so a poll never goes out with a token about to die on the way;
 * after a 401 the caller {@link #invalidate invalidates} it and asks again. Anonymous mode has no token at all.
 */
final class TokenProvider {

    /** The longest lifetime believed, whatever {@code expires_in} says. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    /** Used when the token endpoint leaves {@code expires_in} out. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    static final Duration MAX_MARGIN = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_RESPONSE_CHARS = 64 * 1024;

    /** The token endpoint failed; {@code status} is 0 when no HTTP answer came back. */
    static final class TokenException extends Exception {
        final int status;

        TokenException(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }
    }

    private final HttpClient http;
    private final URI tokenUrl;
    private final String form;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;
    private Instant refreshAt = Instant.MIN;

    private TokenProvider(
            HttpClient http, URI tokenUrl, String clientId, String clientSecret, Duration timeout, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.form = clientId == null
                ? null
                : "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        this.timeout = timeout;
        this.clock = clock;
    }

    static TokenProvider none() {
        return new TokenProvider(null, null, null, null, null, null);
    }

    static TokenProvider oauth2(
            HttpClient http, URI tokenUrl, String clientId, String clientSecret, Duration timeout, Clock clock) {
        return new TokenProvider(http, tokenUrl, clientId, clientSecret, timeout, clock);
    }

    boolean isAnonymous() {
        return form == null;
    }

    /** A valid access token, fetching a new one when the cached one is (nearly) expired. Null when anonymous. */
    synchronized String bearerToken() throws TokenException, InterruptedException {
        if (isAnonymous()) return null;
        if (token == null || !clock.instant().isBefore(refreshAt)) fetch();
        return token;
    }

    /** Forgets {@code rejected} (the API answered 401 to it) so the next call fetches a fresh token. */
    synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) token = null;
    }

    private void fetch() throws TokenException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Instant sentAt = clock.instant();
        HttpResponse<String> response;
        // sendAsync + get bounds the whole exchange, body included, by the timeout
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new TokenException(
                    0,
                    "token endpoint: no answer within " + timeout.toMillis() + " ms",
                    new HttpTimeoutException("token request timed out"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new TokenException(0, "token endpoint unreachable: " + cause, cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
        if (response.statusCode() != 200) {
            // the body may echo the request; keep it out of logs beyond a short prefix, and never log the secret
            throw new TokenException(
                    response.statusCode(), "token endpoint answered HTTP " + response.statusCode(), null);
        }
        String body = response.body();
        if (body.length() > MAX_TOKEN_RESPONSE_CHARS) throw new TokenException(200, "token response too large", null);
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (RuntimeException e) {
            throw new TokenException(200, "token response is not JSON", e);
        }
        if (node == null || !node.isObject())
            throw new TokenException(200, "token response is not a JSON object", null);
        JsonNode access = node.get("access_token");
        if (access == null || !access.isString() || access.asString().isBlank()) {
            throw new TokenException(200, "token response has no access_token", null);
        }
        JsonNode expires = node.get("expires_in");
        // a lifetime beyond a day is clamped: a huge expires_in would overflow the refresh time
        Duration lifetime = expires != null && expires.isNumber() && expires.asDouble() >= 1
                ? Duration.ofSeconds((long) Math.min(expires.asDouble(), MAX_LIFETIME.toSeconds()))
                : DEFAULT_LIFETIME;
        token = access.asString();
        // Count from when we asked, not when it arrived, and renew a fifth of the lifetime (at most 60 s) early.
        Duration margin = lifetime.dividedBy(5);
        if (margin.compareTo(MAX_MARGIN) > 0) margin = MAX_MARGIN;
        refreshAt = sentAt.plus(lifetime).minus(margin);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
