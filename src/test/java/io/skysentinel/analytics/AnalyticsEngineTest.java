package io.skysentinel.analytics;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.RemovalReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsEngineTest {

    static final long T = 1_700_000_000L;

    static AnalyticsSettings withMaxTracked(int max) {
        AnalyticsSettings d = AnalyticsSettings.defaults();
        return new AnalyticsSettings(
                true,
                d.queueCapacity(),
                max,
                d.airportRadiusM(),
                d.confirm(),
                d.maxGap(),
                d.groundToleranceFt(),
                d.rapidDescentFpm(),
                d.rapidDescentFor(),
                d.jumpSpeedKt(),
                d.jumpMinDistanceM(),
                d.goAroundRadiusM(),
                d.goAroundHeightFt(),
                d.goAroundClimbFt(),
                d.holdingTurnDeg(),
                d.holdingWindow(),
                d.lostContactEdgeMarginM());
    }

    @Test
    void aResyncRepeatingKnownStatesRaisesNothingNew() {
        Recorder r = new Recorder();
        var emergency =
                state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7700").build();
        var other = state("3c6444", T).at(48.0, 9.0).altFt(30_000).build();
        r.send(emergency).send(other);
        r.engine.resync(List.of(emergency, other), r);
        r.engine.resync(List.of(emergency, other), r);
        assertThat(r.events).extracting(AnomalyEvent::kind).containsExactly("squawk_7700");
        assertThat(r.engine.duplicates()).isEqualTo(4);
    }

    @Test
    void aCatchUpWithoutATrackedAircraftForgetsItWithoutGuessingWhyItWent() {
        Recorder r = new Recorder();
        r.send(
                state("ed6e01", T).at(45.0, 6.0).altFt(30_000),
                state("ed6e02", T).at(49.0, 10.0).altFt(30_000),
                state("4b1805", T).at(47.0, 8.0).altFt(20_000));
        r.engine.resync(
                List.of(
                        state("ed6e01", T + 5).at(45.0, 6.0).altFt(30_000).build(),
                        state("ed6e02", T + 5).at(49.0, 10.0).altFt(30_000).build()),
                r);
        assertThat(r.events)
                .as("its removal was among the lost updates: stale or logged off, nobody knows")
                .isEmpty();
        assertThat(r.engine.tracked()).isEqualTo(2);
    }

    @Test
    void onlyAStaleRemovalIsALostContactNotALogoff() {
        for (RemovalReason reason : RemovalReason.values()) {
            Recorder r = new Recorder();
            r.send(
                    state("ed6e01", T).at(45.0, 6.0).altFt(30_000),
                    state("ed6e02", T).at(49.0, 10.0).altFt(30_000),
                    state("4b1805", T).at(47.0, 8.0).altFt(20_000));
            r.engine.removed("4b1805", reason, r);
            assertThat(r.events)
                    .as(reason.name())
                    .extracting(AnomalyEvent::kind)
                    .isEqualTo(reason == RemovalReason.STALE ? List.of("lost_contact") : List.of());
            assertThat(r.engine.tracked()).isEqualTo(2);
        }
    }

    @Test
    void anOlderStateThanTheLastIsSkipped() {
        Recorder r = new Recorder();
        r.send(
                state("4b1805", T + 10).at(47.0, 8.0).altFt(20_000),
                state("4b1805", T).at(48.0, 8.0).altFt(20_000).squawk("7700"));
        assertThat(r.events).isEmpty();
        assertThat(r.engine.processed()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeen() {
        Recorder r = new Recorder(withMaxTracked(3));
        for (int i = 0; i < 5; i++)
            r.send(state("a0000" + i, T).at(47.0, 8.0 + i).altFt(20_000).squawk("7700"));
        assertThat(r.engine.tracked()).isEqualTo(3);
        assertThat(r.engine.evictions()).isEqualTo(2);
        // a00004 is remembered: its ongoing emergency is not reported again; a00000 was forgotten, so it is.
        r.send(state("a00004", T + 1).at(47.0, 12.0).altFt(20_000).squawk("7700"));
        r.send(state("a00000", T + 1).at(47.0, 8.0).altFt(20_000).squawk("7700"));
        assertThat(r.events).hasSize(6);
        assertThat(r.events.getLast().id()).isEqualTo("a00000");
    }

    @Test
    void aSilenceLongerThanMaxGapStartsTheAircraftAfresh() {
        Recorder r = new Recorder();
        r.send(state("4b1805", T).at(47.0, 8.0).altFt(20_000).squawk("7700"));
        r.send(state("4b1805", T + AnalyticsSettings.defaults().maxGap().toSeconds() + 1)
                .at(47.0, 8.0)
                .altFt(20_000)
                .squawk("7700"));
        assertThat(r.events("squawk_7700")).hasSize(2);
        assertThat(r.engine.gapResets()).isEqualTo(1);
    }

    @Test
    void settingsAreChecked() {
        AnalyticsSettings d = AnalyticsSettings.defaults();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> withMaxTracked(0))
                .withMessageContaining("max-tracked");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnalyticsSettings(
                        true,
                        d.queueCapacity(),
                        1,
                        d.airportRadiusM(),
                        Duration.ofMinutes(10),
                        d.maxGap(),
                        d.groundToleranceFt(),
                        d.rapidDescentFpm(),
                        d.rapidDescentFor(),
                        d.jumpSpeedKt(),
                        d.jumpMinDistanceM(),
                        d.goAroundRadiusM(),
                        d.goAroundHeightFt(),
                        d.goAroundClimbFt(),
                        d.holdingTurnDeg(),
                        d.holdingWindow(),
                        d.lostContactEdgeMarginM()))
                .withMessageContaining("max-gap");
    }
}
