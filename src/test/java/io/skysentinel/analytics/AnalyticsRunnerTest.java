package io.skysentinel.analytics;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.analytics.airports.CatalogAirportIndex;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.Follower;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner on a real hub's update stream, driven step by step (as a FollowerRunner would, without its thread). */
class AnalyticsRunnerTest {

    static final long T = 1_700_000_000L;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Recorder recorder = new Recorder();
    final LiveHub<Aircraft> hub = LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), meters);

    AnalyticsRunner runner(List<AnalyticsListener> listeners) {
        return new AnalyticsRunner(
                new AnalyticsEngine(CatalogAirportIndex.builtIn(), AnalyticsSettings.defaults()), listeners, meters);
    }

    /** What the follower holds, handed over; then the catch-up for what it lost. */
    void step(Follower<Aircraft> follower, AnalyticsRunner runner) throws InterruptedException {
        Follower.Taken<Aircraft> t = follower.take(10_000, 0);
        runner.handle(t.updates());
        if (t.lost() > 0) runner.lost(t.lost(), hub.snapshot().entities());
    }

    static SourceBatch batch(long unix, States.Builder... states) {
        return SourceBatch.live(
                "test",
                unix * 1000,
                Arrays.stream(states).map(States.Builder::build).toList());
    }

    static States.Builder edge1(long t) {
        return state("ed6e01", t).at(45.0, 6.0).altFt(30_000);
    }

    static States.Builder edge2(long t) {
        return state("ed6e02", t).at(49.0, 10.0).altFt(30_000);
    }

    @Test
    void seesEveryStateAndEveryStaleRemovalAndCountsWhatItDid() throws Exception {
        Follower<Aircraft> follower = hub.follow("analytics", 1_000);
        AnalyticsRunner runner = runner(List.of(recorder));
        hub.apply(batch(
                T,
                edge1(T),
                edge2(T),
                state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7700")));
        // two states of 4b1805 between steps: the runner sees both, not only the newest
        hub.apply(
                batch(T + 5, state("4b1805", T + 5).at(47.01, 8.0).altFt(20_000).squawk("7700")));
        hub.apply(
                batch(T + 6, state("4b1805", T + 6).at(47.02, 8.0).altFt(20_000).squawk("7700")));
        step(follower, runner);
        // 61 s of silence from 4b1805 while the others keep reporting: the hub drops it as stale.
        hub.apply(batch(T + 67, edge1(T + 67), edge2(T + 67)));
        step(follower, runner);

        assertThat(recorder.events).extracting(AnomalyEvent::kind).containsExactly("squawk_7700", "lost_contact");
        assertThat(meters.get("skysentinel.analytics.events")
                        .tag("kind", "squawk_7700")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("skysentinel.analytics.states").functionCounter().count())
                .isEqualTo(7);
        assertThat(meters.get("skysentinel.analytics.removals").counter().count())
                .isEqualTo(1);
    }

    @Test
    void afterAnOverflowItCatchesUpFromThePictureRepeatsNoEventAndStillCountsTheRemovalsThatCame() throws Exception {
        // Room for 3 updates: the stale sweep's batch (2 upserts, 2 removals) loses its oldest, edge01's upsert.
        Follower<Aircraft> follower = hub.follow("analytics", 3);
        AnalyticsRunner runner = runner(List.of(recorder));
        hub.apply(batch(T, edge1(T), edge2(T)));
        step(follower, runner);
        hub.apply(batch(
                T + 1,
                state("4b1805", T + 1).at(47.0, 8.0).altFt(20_000).squawk("7700"),
                state("3c6444", T + 1).at(47.5, 8.5).altFt(25_000)));
        step(follower, runner);
        hub.apply(batch(T + 66, edge1(T + 66), edge2(T + 66)));
        step(follower, runner);

        assertThat(follower.dropped()).isEqualTo(1);
        assertThat(meters.get("skysentinel.analytics.resyncs").counter().count())
                .isEqualTo(1);
        assertThat(recorder.events)
                .extracting(AnomalyEvent::kind)
                .containsExactlyInAnyOrder("squawk_7700", "lost_contact", "lost_contact");
        // the lost upsert is caught up from the picture: edge01 was observed at T+66
        assertThat(meters.get("skysentinel.analytics.states").functionCounter().count())
                .isEqualTo(6);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() throws Exception {
        Follower<Aircraft> follower = hub.follow("analytics", 1_000);
        AnalyticsListener failing = new AnalyticsListener() {
            @Override
            public void onEvent(AnomalyEvent e) {
                throw new IllegalStateException("boom");
            }
        };
        AnalyticsRunner runner = runner(List.of(failing, recorder));
        hub.apply(batch(T, state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7600")));
        step(follower, runner);
        assertThat(recorder.events).hasSize(1);
        assertThat(meters.get("skysentinel.analytics.listener.failures")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
