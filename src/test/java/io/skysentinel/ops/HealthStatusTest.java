package io.skysentinel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.FeedStatus;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceHealth.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /health's overall status: readiness first, then a Kafka feed's heartbeat and upstream sources, then own sources. */
class HealthStatusTest {

    static SourceHealth source(State s, String detail) {
        return new SourceHealth("opensky", "authenticated", s, detail, null, null, null, null, 0);
    }

    static FeedStatus feed(boolean live, SourceHealth... upstream) {
        return new FeedStatus(live, live ? 1.0 : 40.0, List.of(upstream), Map.of());
    }

    static State status(
            List<SourceHealth> all, int aircraft, Map<String, Boolean> ready, FeedStatus feed, boolean degraded) {
        return HealthController.status(all, aircraft, ready, feed, degraded);
    }

    @Test
    void aHubCatchingUpIsDownEvenWithAircraftAndHealthySources() {
        var up = source(State.UP, "ok");
        assertThat(status(List.of(up), 500, Map.of("kafka", false), feed(true, up), false))
                .isEqualTo(State.DOWN);
    }

    @Test
    void aKafkaFedPictureIsJudgedByTheUpstreamSourcesInTheHeartbeat() {
        var up = source(State.UP, "ok");
        var limited = source(State.DEGRADED, "429");
        assertThat(status(List.of(up), 500, Map.of("kafka", true), feed(true, up), false))
                .isEqualTo(State.UP);
        assertThat(status(List.of(limited), 500, Map.of("kafka", true), feed(true, limited), false))
                .isEqualTo(State.DEGRADED);
    }

    @Test
    void withoutAHeartbeatAKafkaFedPictureIsDegradedWhileThereIsOneToServe() {
        var up = source(State.UP, "ok");
        assertThat(status(List.of(up), 500, Map.of("kafka", true), feed(false, up), false))
                .isEqualTo(State.DEGRADED);
        assertThat(status(List.of(), 0, Map.of("kafka", true), feed(false), false))
                .isEqualTo(State.DOWN);
    }

    @Test
    void anInstanceWithReadinessChecksAndNoSourcesOrFeedIsUpUnlessAPartIsDegraded() {
        // a history-only instance: nothing to judge but its consumer
        assertThat(status(List.of(), 0, Map.of("kafka", true), null, false)).isEqualTo(State.UP);
        assertThat(status(List.of(), 0, Map.of("kafka", true), null, true)).isEqualTo(State.DEGRADED);
    }

    @Test
    void withoutReadinessChecksTheSourcesDecideAsBefore() {
        assertThat(status(List.of(), 0, Map.of(), null, false)).isEqualTo(State.DOWN);
        var limited = source(State.DEGRADED, "429");
        assertThat(status(List.of(limited), 10, Map.of(), null, false)).isEqualTo(State.DEGRADED);
        assertThat(status(List.of(source(State.UP, "ok")), 10, Map.of(), null, false))
                .isEqualTo(State.UP);
    }
}
