package io.skysentinel.api.rest;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request refused before or by an endpoint (admin access, rate limits, a refused query): ApiProblems writes it as
 * a problem detail with these response headers (Retry-After, WWW-Authenticate).
 */
public class ApiRefusal extends RuntimeException {

    private final transient ProblemDetail problem;
    private final Map<String, String> headers;

    public ApiRefusal(HttpStatus status, String type, String title, String detail, Map<String, String> headers) {
        super(detail);
        this.problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        this.headers = Map.copyOf(headers);
    }

    /** A 429 with Retry-After (whole seconds, at least 1) and the same figure as retry_after_s. */
    public static ApiRefusal tooManyRequests(String detail, long retryAfterS) {
        long s = Math.max(1, retryAfterS);
        ApiRefusal r = new ApiRefusal(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                detail,
                Map.of("Retry-After", Long.toString(s)));
        r.problem.setProperty("retry_after_s", s);
        return r;
    }

    public ProblemDetail problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
