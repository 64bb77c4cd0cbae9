package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fired alerts and dead letters past the retention are forgotten, newer ones and the rules kept. */
class AlertRetentionTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aPassForgetsWhatIsOlderThanTheRetentionAndCountsIt() {
        MemoryAlertStore store = new MemoryAlertStore(100);
        long day = Duration.ofDays(1).toMillis(), now = NOW.toEpochMilli();
        store.recordFired(List.of(
                new AlertStore.FiredAlert("a", 1, "fired", "x", now - 31 * day, "{}"),
                new AlertStore.FiredAlert("b", 1, "fired", "x", now - 29 * day, "{}")));
        store.recordDeadLetter(new AlertStore.DeadLetter("c", 1, "http://h/", 1, "HTTP 500", now - 40 * day, "{}"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (AlertRetention r = new AlertRetention(store, 30, new TestClock(NOW), meters)) {
            assertThat(r.runOnce()).isEqualTo(2);
            assertThat(r.runOnce()).isZero();
        }
        assertThat(store.fired(null, 0, Long.MAX_VALUE, 0, 10))
                .extracting(AlertStore.FiredAlert::id)
                .containsExactly("b");
        assertThat(store.deadLetters(1, 10)).isEmpty();
        assertThat(meters.get("skysentinel.alerts.retention.forgotten")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }
}
