package io.skysentinel.wire;

import java.time.Instant;

/**
 * The content of a {@code status} frame (every 5 s to every client).
 *
 * @param timeMs           server wall clock when produced, epoch ms
 * @param aircraft         aircraft in the whole live picture
 * @param viewAircraft     aircraft in this client's filtered view
 * @param dataAgeS         age of the oldest part of the picture, s; null when empty
 * @param stale            a source with aircraft in the picture is not UP (its last picture is being served)
 * @param rateLimit        OpenSky credit summary; null when no OpenSky source runs
 */
public record StatusFrame(
        long timeMs, int aircraft, int viewAircraft, Double dataAgeS, boolean stale, RateLimit rateLimit) {

    /**
     * @param authMode        oauth2 | anonymous
     * @param remaining       credits left
     * @param max             daily allowance
     * @param perRequest      credits one polling cycle costs
     * @param pollIntervalS   current poll interval, s
     * @param retryAfterS     seconds until OpenSky accepts calls again after a 429, else 0
     * @param refillAt        when credits come back, or null
     */
    public record RateLimit(
            String authMode,
            long remaining,
            long max,
            int perRequest,
            double pollIntervalS,
            long retryAfterS,
            Instant refillAt) {}
}
