package io.skysentinel.source.opensky;

import java.time.Duration;
import java.time.Instant;

/**
 * What the source remembers between cycles for health, and how a cycle's report is folded into the budget:
 * a body (good or bad) is charged, a 429 starts the retry-after wait, a failed call costs nothing unless its header
 * says so, and upstream trouble means backoff. Not thread-safe; the source holds its lock.
 */
final class PollState {

    private boolean everStarted;
    private Instant lastSuccess, lastError;
    private String lastErrorMessage;
    private PollOutcome lastOutcome;
    private int lastBatchSize;

    void started() {
        everStarted = true;
    }

    void apply(PollCycle.Report report, CreditScheduler scheduler, Instant now) {
        boolean trouble = false;
        boolean answered = false;
        for (PollCycle.RegionResult r : report.results()) {
            switch (r.outcome()) {
                case RATE_LIMITED -> scheduler.rateLimited(r.at(), r.retryAfterS(), r.remaining());
                case CIRCUIT_OPEN -> {} // no call was made
                default -> {
                    if (r.charged()) scheduler.charged(r.at(), r.credits(), r.remaining());
                    else scheduler.failedCall(r.at(), r.remaining());
                }
            }
            trouble |= r.outcome().upstreamTrouble() && !r.charged();
            answered |= r.charged();
        }
        if (trouble) scheduler.cycleFailed(now);
        else if (answered) scheduler.cycleSucceeded();

        if (report.anySuccess()) {
            lastSuccess = now;
            lastBatchSize = report.aircraft();
        }
        PollCycle.RegionResult problem = report.firstProblem();
        lastOutcome = problem == null ? PollOutcome.SUCCESS : problem.outcome();
        if (problem != null && problem.outcome() != PollOutcome.CIRCUIT_OPEN) { // keep the failure that opened it
            lastError = problem.at();
            lastErrorMessage = problem.error();
        }
    }

    void unexpected(RuntimeException e, CreditScheduler scheduler, Instant now) {
        lastOutcome = PollOutcome.ERROR;
        lastError = now;
        lastErrorMessage = "unexpected: " + e;
        scheduler.cycleFailed(now);
    }

    HealthRules.Facts facts(
            Instant now, boolean running, CreditScheduler scheduler, boolean breakerOpen, Duration timeout) {
        boolean waitingForCredits = scheduler.remaining(now) < scheduler.cycleCost();
        return new HealthRules.Facts(
                running,
                everStarted,
                now,
                lastSuccess,
                lastError,
                lastErrorMessage,
                lastOutcome,
                lastBatchSize,
                running ? scheduler.nextPollAt(now) : null,
                scheduler.retryAfterS(now),
                scheduler.backoffUntil(),
                breakerOpen,
                waitingForCredits,
                scheduler.refillAt(now),
                scheduler.pollInterval(now),
                timeout);
    }
}
