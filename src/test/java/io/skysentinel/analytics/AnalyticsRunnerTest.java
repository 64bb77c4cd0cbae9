package io.skysentinel.analytics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.analytics.airports.GridAirportCatalog;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

/** The runner against a real hub, driven tick by tick. */
class AnalyticsRunnerTest {

    static final long T = 1_700_000_000L;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Recorder recorder = new Recorder();

    AnalyticsRunner runner(LiveHub hub) {
        return new AnalyticsRunner(hub, new AnalyticsEngine(GridAirportCatalog.builtIn(), AnalyticsSettings.defaults()),
                List.of(recorder), meters);
    }

    static SourceBatch batch(long unix, States.Builder... states) {
        return SourceBatch.live("test", unix * 1000, java.util.Arrays.stream(states).map(States.Builder::build).toList());
    }

    static States.Builder edge1(long t) { return state("edge01", t).at(45.0, 6.0).altFt(30_000); }
    static States.Builder edge2(long t) { return state("edge02", t).at(49.0, 10.0).altFt(30_000); }

    @Test
    void followsUpsertsAndStalenessRemovalsAndCountsWhatItDid() {
        LiveHub hub = new LiveHub(HubSettings.defaults(), Clock.systemUTC(), meters);
        try (AnalyticsRunner runner = runner(hub)) {
            hub.apply(batch(T, edge1(T), edge2(T), state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7700")));
            runner.tick();
            hub.apply(batch(T + 5, state("4b1805", T + 5).at(47.01, 8.0).altFt(20_000).squawk("7700")));
            runner.tick();
            runner.tick(); // nothing new
            // 61 s of silence from 4b1805 while the others keep reporting: the hub drops it as stale.
            hub.apply(batch(T + 66, edge1(T + 66), edge2(T + 66)));
            runner.tick();
        }
        assertThat(recorder.events).extracting(AnomalyEvent::kind).containsExactly("squawk_7700", "lost_contact");
        assertThat(meters.get("skysentinel.analytics.events").tag("kind", "squawk_7700").counter().count()).isEqualTo(1);
        assertThat(meters.get("skysentinel.analytics.events").tag("kind", "lost_contact").counter().count()).isEqualTo(1);
        assertThat(meters.get("skysentinel.analytics.states").functionCounter().count()).isEqualTo(6);
        assertThat(meters.get("skysentinel.analytics.removals").counter().count()).isEqualTo(1);
    }

    @Test
    void aResyncFromTheHubRepeatsNoEventAndStillNoticesWhatLeft() {
        // A removal log of one entry: two removals between ticks leave the runner behind it, so the hub resyncs.
        LiveHub hub = new LiveHub(new HubSettings(Duration.ofSeconds(60), 1_000, 1), Clock.systemUTC(), meters);
        try (AnalyticsRunner runner = runner(hub)) {
            hub.apply(batch(T, edge1(T), edge2(T), state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7700"),
                    state("3c6444", T).at(47.5, 8.5).altFt(25_000)));
            runner.tick();
            hub.apply(batch(T + 66, edge1(T + 66), edge2(T + 66)));
            runner.tick();
        }
        assertThat(meters.get("skysentinel.analytics.resyncs").counter().count()).isEqualTo(1);
        assertThat(recorder.events).extracting(AnomalyEvent::kind)
                .containsExactlyInAnyOrder("squawk_7700", "lost_contact", "lost_contact");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() {
        LiveHub hub = new LiveHub(HubSettings.defaults(), Clock.systemUTC(), meters);
        var failing = new io.skysentinel.core.AnalyticsListener() {
            @Override public void onEvent(AnomalyEvent e) { throw new IllegalStateException("boom"); }
        };
        try (AnalyticsRunner runner = new AnalyticsRunner(hub, new AnalyticsEngine(GridAirportCatalog.builtIn(),
                AnalyticsSettings.defaults()), List.of(failing, recorder), meters)) {
            hub.apply(batch(T, state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7600")));
            runner.tick();
        }
        assertThat(recorder.events).hasSize(1);
        assertThat(meters.get("skysentinel.analytics.listener.failures").counter().count()).isEqualTo(1);
    }
}
