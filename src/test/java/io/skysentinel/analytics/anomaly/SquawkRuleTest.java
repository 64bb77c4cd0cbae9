package io.skysentinel.analytics.anomaly;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import io.skysentinel.core.AnomalyEvent;
import org.junit.jupiter.api.Test;

class SquawkRuleTest {

    static final long T = 1_700_000_000L;
    final Recorder r = new Recorder();

    @Test
    void eachEmergencyCodeIsItsOwnKind() {
        r.send(
                state("aaaaaa", T).at(40.0, -73.0).altFt(10_000).squawk("7500"),
                state("bbbbbb", T).at(40.1, -73.0).altFt(10_000).squawk("7600"),
                state("cccccc", T).at(40.2, -73.0).altFt(10_000).squawk("7700"));
        assertThat(r.events)
                .extracting(AnomalyEvent::kind)
                .containsExactly("squawk_7500", "squawk_7600", "squawk_7700");
        assertThat(r.events.getFirst().details()).containsEntry("squawk", "7500");
    }

    @Test
    void oneEventPerEpisodeNotPerUpdate() {
        for (int i = 0; i < 30; i++)
            r.send(state("4b1805", T + i).at(47.0, 8.0).altFt(20_000).squawk("7700"));
        assertThat(r.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("squawk_7700");
            assertThat(e.timeMs()).isEqualTo(T * 1000);
            assertThat(e.lat()).isEqualTo(47.0);
            assertThat(e.callsign()).isEqualTo("TST4B1");
        });
    }

    @Test
    void aMissingSquawkDoesNotEndTheEpisodeButAnotherCodeDoes() {
        r.send(
                state("4b1805", T).altFt(20_000).squawk("7700"),
                state("4b1805", T + 1).altFt(20_000), // no squawk in this state
                state("4b1805", T + 2).altFt(20_000).squawk("7700"),
                state("4b1805", T + 3).altFt(20_000).squawk("7600"), // code changed: new episode
                state("4b1805", T + 4).altFt(20_000).squawk("1000"), // back to normal
                state("4b1805", T + 5).altFt(20_000).squawk("7600"));
        assertThat(r.events)
                .extracting(AnomalyEvent::kind)
                .containsExactly("squawk_7700", "squawk_7600", "squawk_7600");
    }

    @Test
    void ordinaryCodesAreNothing() {
        r.send(
                state("4b1805", T).squawk("1200"),
                state("4b1805", T + 1).squawk("7000"),
                state("4b1805", T + 2).squawk("0770"));
        assertThat(r.events).isEmpty();
    }
}
