package io.skysentinel.ops;

import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceHealth.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /health's overall status with the Kafka bus: readiness first, then standby ingest instances, then the sources. */
class HealthStatusTest {

    static SourceHealth source(State s, String detail) {
        return new SourceHealth("opensky", "authenticated", s, detail, null, null, null, null, 0);
    }

    @Test
    void aHubCatchingUpIsDownEvenWithAircraftAndHealthySources() {
        assertThat(HealthController.status(List.of(source(State.UP, "ok")), 500, Map.of("kafka", false), false)).isEqualTo(State.DOWN);
    }

    @Test
    void aCaughtUpHubWithoutSourcesIsUp() {
        assertThat(HealthController.status(List.of(), 0, Map.of("kafka", true), false)).isEqualTo(State.UP);
    }

    @Test
    void aStandbyIngestInstanceIsUpAlthoughItsSourcesAreNotStarted() {
        var notStarted = List.of(source(State.DOWN, "not started"));
        assertThat(HealthController.status(notStarted, 0, Map.of("kafka", true), true)).isEqualTo(State.UP);
        // the same sources on a leader (or a retired ex-leader) count as usual
        assertThat(HealthController.status(notStarted, 0, Map.of("kafka", true), false)).isEqualTo(State.DOWN);
    }

    @Test
    void withoutReadinessChecksTheSourcesDecideAsBefore() {
        assertThat(HealthController.status(List.of(), 0, Map.of(), false)).isEqualTo(State.DOWN);
        assertThat(HealthController.status(List.of(source(State.DEGRADED, "429")), 10, Map.of(), false)).isEqualTo(State.DEGRADED);
        assertThat(HealthController.status(List.of(source(State.UP, "ok")), 10, Map.of(), false)).isEqualTo(State.UP);
    }
}
