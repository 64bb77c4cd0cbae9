package io.skysentinel.analytics.anomaly;

import static io.skysentinel.analytics.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.analytics.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traffic seen over a 4° × 4° box around Switzerland; the aircraft under test is in the middle unless moved. */
class LostContactRuleTest {

    static final long T = 1_700_000_000L;
    final Recorder r = new Recorder();

    @BeforeEach
    void coverage() {
        r.send(
                state("ed6e01", T).at(45.0, 6.0).altFt(30_000),
                state("ed6e02", T).at(49.0, 10.0).altFt(30_000));
    }

    @Test
    void anAirborneAircraftRemovedForStalenessIsLostContact() {
        r.send(state("4b1805", T + 1).at(47.0, 8.0).altFt(24_000).speedKt(420).track(90));
        r.remove("4b1805");
        assertThat(r.events("lost_contact")).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("4b1805");
            assertThat(e.timeMs()).isEqualTo((T + 1) * 1000);
            assertThat(e.details()).containsEntry("speed_kt", 420L).containsEntry("track_deg", 90L);
        });
    }

    @Test
    void onTheGroundIsNoLostContact() {
        r.send(state("4b1805", T + 1).at(47.4560, 8.5600).ground());
        r.remove("4b1805");
        assertThat(r.events).isEmpty();
    }

    @Test
    void lowOverAnAirportIsALandingNotALostContact() {
        r.send(state("4b1805", T + 1).at(47.4600, 8.5800).altFt(1_900).vsFpm(-700));
        r.remove("4b1805");
        assertThat(r.events).isEmpty();
    }

    @Test
    void nearTheEdgeOfTheCoveredAreaItJustFlewOut() {
        r.send(state("4b1805", T + 1).at(48.95, 8.0).altFt(24_000));
        r.remove("4b1805");
        assertThat(r.events).isEmpty();
    }

    @Test
    void anAircraftNeverSeenOrAlreadyRemovedIsNothing() {
        r.remove("ffffff");
        r.send(state("4b1805", T + 1).at(47.0, 8.0).altFt(24_000));
        r.remove("4b1805").remove("4b1805");
        assertThat(r.events("lost_contact")).hasSize(1);
    }
}
