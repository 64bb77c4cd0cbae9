package io.skysentinel.core;

import java.time.Instant;
import java.util.List;

/** A source that spends an upstream credit budget (OpenSky) and can say where it stands. */
public interface CreditReporting {

    CreditStatus credits();

    /**
     * The figures behind GET /api/rate-limit and the airspace metadata.
     *
     * @param remainingFromUpstream true when creditsRemaining is what the upstream last reported in its
     *                              X-Rate-Limit-Remaining header (the truth), false when it is our own estimate
     * @param retryAfterS           seconds the upstream told us to wait after a 429, else 0
     * @param regions               the bounding boxes polled each cycle
     */
    record CreditStatus(
            String authMode,
            long dailyCreditsUsed,
            long maxDailyCredits,
            long creditsRemaining,
            boolean remainingFromUpstream,
            int creditsPerRequest,
            boolean canMakeRequest,
            long nextRequestAvailableS,
            double pollIntervalS,
            Instant refillAt,
            long retryAfterS,
            Instant lastPoll,
            List<Region> regions) {}

    /** A named bounding box, degrees. */
    record Region(String name, double lamin, double lomin, double lamax, double lomax) {
        public double areaSqDeg() {
            return (lamax - lamin) * (lomax - lomin);
        }
    }
}
