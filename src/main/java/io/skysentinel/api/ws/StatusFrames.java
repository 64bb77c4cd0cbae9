package io.skysentinel.api.ws;

import io.skysentinel.api.rest.PictureFreshness;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.CreditReporting.CreditStatus;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.wire.StatusFrame;

/** Gathers what every status frame says (picture size, data age, staleness, OpenSky credits) once per interval. */
final class StatusFrames {

    /** The part shared by every view; {@link #forView} adds the view's own count. */
    record Common(long timeMs, int aircraft, Double dataAgeS, boolean stale, StatusFrame.RateLimit rateLimit) {
        StatusFrame forView(int viewAircraft) {
            return new StatusFrame(timeMs, aircraft, viewAircraft, dataAgeS, stale, rateLimit);
        }
    }

    private final LiveHub<Aircraft> hub;
    private final SourceRegistry sources;
    private final PictureFreshness freshness;

    StatusFrames(LiveHub<Aircraft> hub, SourceRegistry sources, PictureFreshness freshness) {
        this.hub = hub;
        this.sources = sources;
        this.freshness = freshness;
    }

    Common common() {
        HubSnapshot<Aircraft> snap = hub.snapshot();
        return new Common(
                System.currentTimeMillis(),
                snap.entities().size(),
                snap.dataAgeSeconds(),
                freshness.stale(snap),
                rateLimit());
    }

    StatusFrame.RateLimit rateLimit() {
        return sources.credits()
                .map(r -> {
                    CreditStatus c = r.credits();
                    return new StatusFrame.RateLimit(
                            c.authMode(),
                            c.creditsRemaining(),
                            c.maxDailyCredits(),
                            c.creditsPerRequest(),
                            c.pollIntervalS(),
                            c.retryAfterS(),
                            c.refillAt());
                })
                .orElse(null);
    }
}
