package io.skysentinel.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** The per-client REST limit (registered for /api/**): a client past its bucket gets a 429 problem with Retry-After. */
public final class RateLimitInterceptor implements HandlerInterceptor {

    private final TokenBuckets buckets;

    public RateLimitInterceptor(TokenBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long wait = buckets.take(request.getRemoteAddr());
        if (wait > 0)
            throw ApiRefusal.tooManyRequests(
                    "Too many requests from this address; slow down", TokenBuckets.seconds(wait));
        return true;
    }
}
