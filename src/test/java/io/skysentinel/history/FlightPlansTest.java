package io.skysentinel.history;

import static io.skysentinel.testing.VatsimFixtures.hopPlan;
import static io.skysentinel.testing.VatsimFixtures.pilot;
import static io.skysentinel.testing.VatsimFixtures.qfa22Plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightPlan;
import org.junit.jupiter.api.Test;

/** Which flight-plan rows the writer asks for, and its bounds (no database: the rows are what it would write). */
class FlightPlansTest {

    static final long T0 = 1_732_189_645L; // the 2024-11-21 11:47:25 feed

    @Test
    void aPlanIsQueuedWhenNewOrChangedEveryRefreshAndAtRemovalAndWaitingRowsFold() {
        FlightPlans plans = new FlightPlans(300_000, 100, false);
        for (long t = T0; t < T0 + 300; t += 15)
            plans.accept(pilot(1_234_567, "QFA22", t, qfa22Plan(2)).build());
        assertThat(plans.drainChanged()).singleElement().satisfies(r -> {
            assertThat(r.planKey()).isEqualTo("r2");
            assertThat(r.firstSeenMs()).isEqualTo(T0 * 1000);
            assertThat(r.lastSeenMs())
                    .as("unchanged within the refresh: not queued again")
                    .isEqualTo(T0 * 1000);
            assertThat(r.name()).isNull();
        });
        plans.accept(pilot(1_234_567, "QFA22", T0 + 300, qfa22Plan(2)).build()); // refresh
        plans.accept(pilot(1_234_567, "QFA22A", T0 + 315, qfa22Plan(2)).build()); // callsign changed
        assertThat(plans.drainChanged())
                .as("both fold into one row of the same key")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.firstSeenMs()).isEqualTo((T0 + 300) * 1000);
                    assertThat(r.lastSeenMs()).isEqualTo((T0 + 315) * 1000);
                    assertThat(r.callsign()).isEqualTo("QFA22A");
                });
        Aircraft last = pilot(1_234_567, "QFA22A", T0 + 330, qfa22Plan(2)).build();
        plans.accept(last);
        assertThat(plans.drainChanged()).isEmpty();
        plans.removed(last);
        assertThat(plans.drainChanged())
                .singleElement()
                .extracting(FlightPlanRow::lastSeenMs)
                .isEqualTo((T0 + 330) * 1000);
    }

    @Test
    void aFlightWithoutAPlanQueuesNothing() {
        FlightPlans plans = new FlightPlans(300_000, 100, true);
        plans.accept(pilot(1_234_567, "QFA22", T0, null).build());
        plans.accept(Aircraft.adsb("4b1805", "opensky").lastContactUnix(T0).build());
        assertThat(plans.drainChanged()).isEmpty();
    }

    @Test
    void contentKeysAreStableAndDifferWithTheContent() {
        FlightPlan a = qfa22Plan(null);
        assertThat(FlightPlans.planKey(a)).matches("h[0-9a-f]{16}").isEqualTo(FlightPlans.planKey(qfa22Plan(null)));
        assertThat(FlightPlans.planKey(hopPlan(1, null))).isNotEqualTo(FlightPlans.planKey(hopPlan(2, null)));
        assertThat(FlightPlans.planKey(hopPlan(1, 7))).isEqualTo("r7");
    }

    @Test
    void bothMapsAreBoundedAndCountWhatTheyForget() {
        FlightPlans plans = new FlightPlans(300_000, 10, false);
        for (int i = 0; i < 25; i++)
            plans.accept(pilot(1_400_000 + i, "DLH" + i, T0, hopPlan(i, 0)).build());
        assertThat(plans.evicted()).isEqualTo(15);
        assertThat(plans.dropped()).isEqualTo(15);
        assertThat(plans.drainChanged())
                .hasSize(10)
                .extracting(FlightPlanRow::id)
                .as("the newest are kept")
                .contains("vatsim-1400024")
                .doesNotContain("vatsim-1400000");
    }
}
