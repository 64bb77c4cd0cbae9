package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplanGateTest {

    static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    static final Instant REFILL = Instant.parse("2026-12-03T00:00:00Z");

    static ReplanGate.Inputs in(Set<String> active, int viewers, double credits, Instant refill) {
        return new ReplanGate.Inputs(active, Map.of("zrh", viewers), credits, refill);
    }

    @Test
    void anActiveHoursEdgeReplansAtOnceOtherChangesAtMostOnceAMinute() {
        ReplanGate gate = new ReplanGate(Duration.ofMinutes(1));
        assertThat(gate.shouldReplan(T0, in(Set.of("zrh"), 0, 1000, REFILL)))
                .as("no plan yet")
                .isTrue();
        gate.planned(T0, in(Set.of("zrh"), 0, 1000, REFILL), 0.01);
        Instant soon = T0.plusSeconds(10);
        assertThat(gate.shouldReplan(soon, in(Set.of("zrh"), 0, 999.9, REFILL)))
                .as("nothing changed")
                .isFalse();
        assertThat(gate.shouldReplan(soon, in(Set.of("zrh"), 3, 999.9, REFILL)))
                .as("viewers, too soon")
                .isFalse();
        assertThat(gate.shouldReplan(soon, in(Set.of("zrh", "nyc"), 0, 999.9, REFILL)))
                .as("an edge")
                .isTrue();
        Instant later = T0.plusSeconds(61);
        assertThat(gate.shouldReplan(later, in(Set.of("zrh"), 3, 999.4, REFILL)))
                .as("viewers")
                .isTrue();
        assertThat(gate.shouldReplan(later, in(Set.of("zrh"), 0, 999.4, REFILL.plusSeconds(3600))))
                .as("the refill estimate moved")
                .isTrue();
    }

    @Test
    void creditsOffTheProjectionReplanOthersDoNot() {
        ReplanGate gate = new ReplanGate(Duration.ofMinutes(1));
        gate.planned(T0, in(Set.of("zrh"), 0, 1000, REFILL), 0.1); // 6 credits a minute
        Instant later = T0.plusSeconds(120);
        assertThat(gate.shouldReplan(later, in(Set.of("zrh"), 0, 988, REFILL)))
                .as("as planned")
                .isFalse();
        assertThat(gate.shouldReplan(later, in(Set.of("zrh"), 0, 950, REFILL)))
                .as("another client of the account spent 38")
                .isTrue();
    }
}
