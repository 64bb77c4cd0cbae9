package io.skysentinel.source.opensky;

import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceHealth.State;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns what the poller knows into a {@link SourceHealth}. UP: the last poll succeeded recently. DEGRADED: serving
 * the last picture while OpenSky rate-limits us, fails, or the breaker is open. DOWN: nothing has ever been
 * delivered and the source is failing (or stopped).
 */
final class HealthRules {

    /** Everything the rules look at, taken under the source's lock. */
    record Facts(
            boolean running,
            boolean everStarted,
            Instant now,
            Instant lastSuccess,
            Instant lastError,
            String lastErrorMessage,
            PollOutcome lastOutcome,
            int lastBatchSize,
            Instant nextPoll,
            long retryAfterS,
            Instant backoffUntil,
            boolean breakerOpen,
            boolean waitingForCredits,
            Instant refillAt,
            Duration pollInterval,
            Duration timeout) {}

    private HealthRules() {}

    static SourceHealth evaluate(Facts f) {
        if (!f.running()) {
            return health(f, State.DOWN, f.everStarted() ? "stopped" : "not started", null);
        }
        boolean haveData = f.lastSuccess() != null;
        String stale = haveData ? "; serving stale data" : "; no data yet";
        State failing = haveData ? State.DEGRADED : State.DOWN;
        if (f.retryAfterS() > 0) {
            return health(
                    f,
                    failing,
                    "rate limited by OpenSky (429) for another " + f.retryAfterS() + " s" + stale,
                    f.nextPoll());
        }
        if (f.breakerOpen()) {
            return health(
                    f,
                    failing,
                    "circuit breaker open after repeated failures (last: " + f.lastErrorMessage() + ")" + stale,
                    f.nextPoll());
        }
        if (f.lastOutcome() != null && f.lastOutcome() != PollOutcome.SUCCESS) {
            String backoff = f.backoffUntil() != null && f.backoffUntil().isAfter(f.now())
                    ? "; backing off until " + f.backoffUntil()
                    : "";
            return health(f, failing, "last poll failed: " + f.lastErrorMessage() + backoff + stale, f.nextPoll());
        }
        if (!haveData) {
            return health(f, State.DEGRADED, "starting: first poll not finished yet", f.nextPoll());
        }
        Duration age = Duration.between(f.lastSuccess(), f.now());
        // "recently": within two intervals plus a request's timeout; beyond that the picture is getting old
        Duration fresh = f.pollInterval().multipliedBy(2).plus(f.timeout()).plusSeconds(5);
        if (age.compareTo(fresh) > 0) {
            String why = f.waitingForCredits()
                    ? "out of credits until the refill at " + f.refillAt()
                    : "no successful poll for " + age.toSeconds() + " s";
            return health(f, State.DEGRADED, why + stale, f.nextPoll());
        }
        return health(
                f,
                State.UP,
                "last poll ok " + age.toSeconds() + " s ago, " + f.lastBatchSize() + " aircraft; " + "polling every "
                        + f.pollInterval().toMillis() / 1000.0 + " s",
                f.nextPoll());
    }

    private static SourceHealth health(Facts f, State state, String detail, Instant nextPoll) {
        return new SourceHealth(
                OpenSkyMetrics.SOURCE,
                "poll",
                state,
                detail,
                f.lastSuccess(),
                f.lastError(),
                f.lastErrorMessage(),
                nextPoll,
                f.lastBatchSize());
    }
}
