package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.CreditReporting.CreditStatus;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Service status and the OpenSky credit budget. */
@RestController
public class StatusController {

    private final LiveHub<Aircraft> hub;
    private final SourceRegistry sources;
    private final PictureFreshness freshness;
    private final Clock clock;

    public StatusController(LiveHub<Aircraft> hub, SourceRegistry sources, PictureFreshness freshness, Clock clock) {
        this.hub = hub;
        this.sources = sources;
        this.freshness = freshness;
        this.clock = clock;
    }

    public record SourceState(
            String name,
            String mode,
            SourceHealth.State state,
            String detail,
            Instant lastSuccess,
            Instant lastError,
            String lastErrorMessage,
            Instant nextPoll,
            int lastBatchSize,
            int aircraft,
            Double dataAgeS) {}

    public record Status(
            int aircraftCount,
            long seq,
            Double dataAgeS,
            boolean stale,
            PictureStatistics statistics,
            List<SourceState> sources,
            Instant startedAt,
            long uptimeS) {}

    @GetMapping("/api/status")
    @Operation(summary = "Aircraft count, picture statistics, per-source state and uptime")
    public Status status() {
        HubSnapshot<Aircraft> snap = hub.snapshot();
        var views = hub.sources();
        List<SourceState> states = sources.health().stream()
                .map(h -> {
                    LiveHub.SourceView v = views.get(h.name());
                    return new SourceState(
                            h.name(),
                            h.mode(),
                            h.state(),
                            h.detail(),
                            h.lastSuccess(),
                            h.lastError(),
                            h.lastErrorMessage(),
                            h.nextPoll(),
                            h.lastBatchSize(),
                            v == null ? 0 : v.aircraft(),
                            v == null ? null : v.dataAgeMs() / 1000.0);
                })
                .toList();
        long startMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        return new Status(
                snap.entities().size(),
                snap.seq(),
                snap.dataAgeSeconds(),
                freshness.stale(snap),
                PictureStatistics.of(snap.entities()),
                states,
                Instant.ofEpochMilli(startMs),
                Math.max(0, (clock.millis() - startMs) / 1000));
    }

    public record RateLimitStatus(
            boolean openskyEnabled,
            String authMode,
            long dailyCreditsUsed,
            long maxDailyCredits,
            long creditsRemaining,
            String creditsRemainingFrom,
            int creditsPerRequest,
            boolean canMakeRequest,
            boolean cacheFresh,
            Double dataAgeS,
            long nextRequestAvailableS,
            double pollIntervalS,
            Instant refillAt,
            long retryAfterS,
            Instant lastPoll) {}

    @GetMapping("/api/rate-limit")
    @Operation(summary = "The OpenSky credit budget: what is used and left, the poll interval and when credits refill")
    public RateLimitStatus rateLimit() {
        var reporting = sources.credits();
        if (reporting.isEmpty()) {
            Double age = hub.snapshot().dataAgeSeconds();
            return new RateLimitStatus(false, "none", 0, 0, 0, "none", 0, false, true, age, 0, 0, null, 0, null);
        }
        CreditStatus c = reporting.get().credits();
        LiveHub.SourceView view = hub.sources().get("opensky");
        Double age = view == null ? null : view.dataAgeMs() / 1000.0;
        // Fresh: newer than two poll intervals (one may be in flight) and never older than the stale threshold's worth.
        boolean fresh = age != null && age <= Math.max(2 * c.pollIntervalS(), 10);
        return new RateLimitStatus(
                true,
                c.authMode(),
                c.dailyCreditsUsed(),
                c.maxDailyCredits(),
                c.creditsRemaining(),
                c.remainingFromUpstream() ? "upstream" : "estimate",
                c.creditsPerRequest(),
                c.canMakeRequest(),
                fresh,
                age,
                c.nextRequestAvailableS(),
                c.pollIntervalS(),
                c.refillAt(),
                c.retryAfterS(),
                c.lastPoll());
    }
}
