package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.SourceHealth.State;
import io.skysentinel.source.vatsim.VatsimMetrics.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VatsimHealthTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    static VatsimHealth.Facts facts(boolean running, Instant lastSuccess, Outcome last, boolean breakerOpen) {
        return new VatsimHealth.Facts(
                running,
                true,
                NOW,
                lastSuccess,
                last == Outcome.SUCCESS || last == Outcome.UNCHANGED ? null : NOW,
                "VATSIM answered HTTP 503",
                last,
                700,
                NOW.plusSeconds(15),
                breakerOpen,
                Duration.ofSeconds(15),
                Duration.ofSeconds(10));
    }

    @Test
    void statesFollowTheOpenSkyRules() {
        assertThat(VatsimHealth.evaluate(facts(true, NOW.minusSeconds(3), Outcome.SUCCESS, false))
                        .state())
                .isEqualTo(State.UP);
        assertThat(VatsimHealth.evaluate(facts(true, NOW.minusSeconds(3), Outcome.UNCHANGED, false))
                        .state())
                .as("an unchanged feed is a good read")
                .isEqualTo(State.UP);
        assertThat(VatsimHealth.evaluate(facts(true, NOW.minusSeconds(3), Outcome.ERROR, false))
                        .detail())
                .contains("503")
                .contains("last picture");
        assertThat(VatsimHealth.evaluate(facts(true, NOW.minusSeconds(3), Outcome.MALFORMED, false))
                        .state())
                .isEqualTo(State.DEGRADED);
        assertThat(VatsimHealth.evaluate(facts(true, null, Outcome.ERROR, false))
                        .state())
                .isEqualTo(State.DOWN);
        assertThat(VatsimHealth.evaluate(facts(true, null, Outcome.CIRCUIT_OPEN, true))
                        .detail())
                .contains("circuit breaker");
        assertThat(VatsimHealth.evaluate(facts(true, NOW.minusSeconds(60), Outcome.SUCCESS, false))
                        .state())
                .as("no good read for longer than 2 intervals + timeout + 5 s")
                .isEqualTo(State.DEGRADED);
        assertThat(VatsimHealth.evaluate(facts(true, null, null, false)).state())
                .as("starting")
                .isEqualTo(State.DEGRADED);
        assertThat(VatsimHealth.evaluate(facts(false, NOW, Outcome.SUCCESS, false))
                        .state())
                .isEqualTo(State.DOWN);
    }
}
