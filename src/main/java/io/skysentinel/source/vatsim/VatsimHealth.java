package io.skysentinel.source.vatsim;

import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceHealth.State;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns what the poller knows into a {@link SourceHealth}, by the same rules as the OpenSky poller's: UP when the
 * last read succeeded recently; DEGRADED while serving the last picture when reads fail, the breaker is open or the
 * last success is getting old; DOWN when stopped or when nothing was ever delivered and reads fail.
 */
final class VatsimHealth {

    /** Everything the rules look at, taken under the source's lock. */
    record Facts(
            boolean running,
            boolean everStarted,
            Instant now,
            Instant lastSuccess,
            Instant lastError,
            String lastErrorMessage,
            VatsimMetrics.Outcome lastOutcome,
            int lastBatchSize,
            Instant nextPoll,
            boolean breakerOpen,
            Duration pollInterval,
            Duration timeout) {}

    private VatsimHealth() {}

    static SourceHealth evaluate(Facts f) {
        if (!f.running()) return health(f, State.DOWN, f.everStarted() ? "stopped" : "not started");
        boolean haveData = f.lastSuccess() != null;
        String stale = haveData ? "; serving the last picture" : "; no data yet";
        State failing = haveData ? State.DEGRADED : State.DOWN;
        if (f.breakerOpen())
            return health(
                    f,
                    failing,
                    "circuit breaker open after repeated failures (last: " + f.lastErrorMessage() + ")" + stale);
        if (f.lastOutcome() != null && !read(f.lastOutcome()))
            return health(f, failing, "last poll failed: " + f.lastErrorMessage() + "; retrying with backoff" + stale);
        if (!haveData) return health(f, State.DEGRADED, "starting: first poll not finished yet");
        Duration age = Duration.between(f.lastSuccess(), f.now());
        Duration fresh = f.pollInterval().multipliedBy(2).plus(f.timeout()).plusSeconds(5);
        if (age.compareTo(fresh) > 0)
            return health(f, State.DEGRADED, "no successful poll for " + age.toSeconds() + " s" + stale);
        return health(
                f,
                State.UP,
                "last poll ok " + age.toSeconds() + " s ago, " + f.lastBatchSize() + " pilots; polling every "
                        + f.pollInterval().toMillis() / 1000.0 + " s");
    }

    /** A poll that read a usable feed, new or not. */
    static boolean read(VatsimMetrics.Outcome o) {
        return o == VatsimMetrics.Outcome.SUCCESS
                || o == VatsimMetrics.Outcome.UNCHANGED
                || o == VatsimMetrics.Outcome.OLDER;
    }

    private static SourceHealth health(Facts f, State state, String detail) {
        return new SourceHealth(
                FeedConverter.SOURCE,
                "poll",
                state,
                detail,
                f.lastSuccess(),
                f.lastError(),
                f.lastErrorMessage(),
                f.running() ? f.nextPoll() : null,
                f.lastBatchSize());
    }
}
