package io.skysentinel.source.opensky;

import java.util.OptionalLong;

/**
 * What one {@code /states/all} request came back with. {@code remaining} is {@code X-Rate-Limit-Remaining} when the
 * response carried it: the only word on what a failed call cost.
 */
sealed interface FetchResult {

    OptionalLong remaining();

    /** 200 with a body (which may still turn out to be malformed). */
    record Body(byte[] body, OptionalLong remaining) implements FetchResult {}

    /** 429: out of credits; OpenSky says when to come back. */
    record RateLimited(long retryAfterS, OptionalLong remaining) implements FetchResult {}

    /** 401/403 from the API even with a fresh token, or the token endpoint refused our credentials. */
    record Unauthorized(String message, OptionalLong remaining) implements FetchResult {}

    /** 5xx from the API or the token endpoint: OpenSky is in trouble; back off. */
    record ServerError(int status, OptionalLong remaining) implements FetchResult {}

    /** No answer within the timeout. */
    record Timeout(String message) implements FetchResult {
        @Override
        public OptionalLong remaining() {
            return OptionalLong.empty();
        }
    }

    /** Anything else: connection refused, another 4xx, an oversized body. */
    record Failed(String message, OptionalLong remaining) implements FetchResult {}
}
