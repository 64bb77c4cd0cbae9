package io.skysentinel.api.rest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;

/**
 * Who is the admin: the one place that decides, for {@link AdminOnly} endpoints and for any feature that guards only
 * some requests itself (e.g. rule writes). {@link #isAdmin} answers quietly; {@link #require} refuses the way every
 * admin endpoint refuses: 404 while no token is configured (the admin features are off), 429 with Retry-After while
 * the client's address has used up its failed attempts, 401 with WWW-Authenticate for a missing or wrong token (each
 * counted: {@code skysentinel.admin.auth.failures{reason=missing|invalid|locked}}).
 *
 * <p>The token is compared as SHA-256 digests with {@link MessageDigest#isEqual}: the time taken does not depend on
 * where the given token first differs, nor (the digests being of fixed length) on its length.
 */
public final class AdminAccess {

    static final String REALM = "Bearer realm=\"skysentinel-admin\"";

    private final byte[] expected;
    private final TokenBuckets failures;
    private final MeterRegistry meters;

    public AdminAccess(AdminSettings settings, LongSupplier nanoTime, MeterRegistry meters) {
        this.expected = settings.enabled() ? sha256(settings.token()) : null;
        int n = settings.failuresPerMinute();
        this.failures = new TokenBuckets("admin-failures", n, n / 60.0, 100_000, nanoTime, meters);
        this.meters = meters;
    }

    /** Whether admin features are on (a token is configured). */
    public boolean enabled() {
        return expected != null;
    }

    /** True when admin features are on and the request carries the admin token; counts and limits nothing. */
    public boolean isAdmin(HttpServletRequest request) {
        return expected != null && matches(bearer(request));
    }

    /** Returns when the request is the admin's; otherwise throws the refusal (see the class comment). */
    public void require(HttpServletRequest request) {
        if (expected == null)
            throw new ApiRefusal(
                    HttpStatus.NOT_FOUND,
                    "admin-disabled",
                    "Not found",
                    "Admin endpoints are disabled: set SKYSENTINEL_ADMIN_TOKEN to enable them",
                    Map.of());
        String client = request.getRemoteAddr();
        long wait = failures.peek(client);
        if (wait > 0) {
            count("locked");
            throw ApiRefusal.tooManyRequests(
                    "Too many failed admin authentication attempts from this address", TokenBuckets.seconds(wait));
        }
        String given = bearer(request);
        if (given != null && matches(given)) return;
        failures.take(client);
        count(given == null ? "missing" : "invalid");
        throw new ApiRefusal(
                HttpStatus.UNAUTHORIZED,
                "admin-unauthorized",
                "Unauthorized",
                given == null
                        ? "This endpoint needs the admin token: header 'Authorization: Bearer <admin token>'"
                        : "The admin token is wrong",
                Map.of("WWW-Authenticate", given == null ? REALM : REALM + ", error=\"invalid_token\""));
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(expected, sha256(given));
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String bearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = h.substring(7).strip();
        return t.isEmpty() ? null : t;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void count(String reason) {
        meters.counter("skysentinel.admin.auth.failures", "reason", reason).increment();
    }
}
