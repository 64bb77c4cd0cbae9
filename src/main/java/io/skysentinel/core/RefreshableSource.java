package io.skysentinel.core;

import java.time.Duration;

/** A source that can fetch upstream on demand (POST /api/flights/refresh). */
public interface RefreshableSource extends FlightSource {

    /**
     * Polls now if the credit budget and the data resolution allow it, waiting at most {@code maxWait}.
     * Never throws for upstream trouble: the outcome says what happened.
     */
    RefreshOutcome refreshNow(Duration maxWait);

    /**
     * @param status        POLLED (done), PENDING (started, not finished within the wait), REJECTED (not allowed now)
     * @param retryAfterS   when REJECTED, seconds until a refresh would be allowed
     * @param aircraft      aircraft received when POLLED
     */
    record RefreshOutcome(String source, Status status, long retryAfterS, int aircraft, String message) {
        public enum Status {
            POLLED,
            PENDING,
            REJECTED
        }
    }
}
