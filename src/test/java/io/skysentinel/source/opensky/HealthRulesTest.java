package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceHealth.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(20);

    static HealthRules.Facts facts(
            Instant lastSuccess,
            PollOutcome last,
            String error,
            long retryAfterS,
            boolean breakerOpen,
            boolean noCredits) {
        return new HealthRules.Facts(
                true,
                true,
                NOW,
                lastSuccess,
                error == null ? null : NOW.minusSeconds(1),
                error,
                last,
                12,
                NOW.plusSeconds(10),
                retryAfterS,
                null,
                breakerOpen,
                noCredits,
                NOW.plusSeconds(3600),
                INTERVAL,
                Duration.ofSeconds(10));
    }

    @Test
    void upWhenTheLastPollSucceededRecently() {
        SourceHealth h = HealthRules.evaluate(facts(NOW.minusSeconds(5), PollOutcome.SUCCESS, null, 0, false, false));
        assertThat(h.state()).isEqualTo(State.UP);
        assertThat(h.nextPoll()).isEqualTo(NOW.plusSeconds(10));
        assertThat(h.lastBatchSize()).isEqualTo(12);
    }

    @Test
    void rateLimitedIsDegradedAndSaysItServesStaleData() {
        SourceHealth h = HealthRules.evaluate(facts(
                NOW.minusSeconds(5),
                PollOutcome.RATE_LIMITED,
                "rate limited by OpenSky: retry after 7200 s",
                7200,
                false,
                true));
        assertThat(h.state()).isEqualTo(State.DEGRADED);
        assertThat(h.detail()).contains("429").contains("7200").contains("serving stale data");
    }

    @Test
    void breakerOpenOrFailingAfterASuccessIsDegradedWithTheLastError() {
        SourceHealth open = HealthRules.evaluate(
                facts(NOW.minusSeconds(60), PollOutcome.CIRCUIT_OPEN, "OpenSky answered HTTP 503", 0, true, false));
        assertThat(open.state()).isEqualTo(State.DEGRADED);
        assertThat(open.detail()).contains("circuit breaker open").contains("503");
        SourceHealth failed =
                HealthRules.evaluate(facts(NOW.minusSeconds(30), PollOutcome.TIMEOUT, "no answer", 0, false, false));
        assertThat(failed.state()).isEqualTo(State.DEGRADED);
        assertThat(failed.lastErrorMessage()).isEqualTo("no answer");
    }

    @Test
    void downWhenItNeverSucceededAndIsFailing() {
        SourceHealth h = HealthRules.evaluate(
                facts(null, PollOutcome.SERVER_ERROR, "OpenSky answered HTTP 503", 0, false, false));
        assertThat(h.state()).isEqualTo(State.DOWN);
        assertThat(h.detail()).contains("no data yet");
    }

    @Test
    void oldSuccessWhileWaitingForCreditsIsDegraded() {
        SourceHealth h = HealthRules.evaluate(facts(NOW.minusSeconds(600), PollOutcome.SUCCESS, null, 0, false, true));
        assertThat(h.state()).isEqualTo(State.DEGRADED);
        assertThat(h.detail()).contains("out of credits");
    }

    @Test
    void stoppedIsDown() {
        var f = facts(NOW.minusSeconds(5), PollOutcome.SUCCESS, null, 0, false, false);
        var stopped = new HealthRules.Facts(
                false,
                true,
                f.now(),
                f.lastSuccess(),
                null,
                null,
                f.lastOutcome(),
                1,
                null,
                0,
                null,
                false,
                false,
                null,
                INTERVAL,
                Duration.ofSeconds(10));
        assertThat(HealthRules.evaluate(stopped).state()).isEqualTo(State.DOWN);
    }
}
