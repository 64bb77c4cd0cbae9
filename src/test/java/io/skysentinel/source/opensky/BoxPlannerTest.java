package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.CreditReporting.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxPlannerTest {

    private static final WeightedRegion JFK = new WeightedRegion(new Region("jfk", 40.4, -74.0, 40.9, -73.5), 3);
    private static final WeightedRegion EWR = new WeightedRegion(new Region("ewr", 40.5, -74.5, 40.9, -74.0), 1);
    private static final WeightedRegion ZRH = new WeightedRegion(new Region("zrh", 47.0, 8.0, 47.9, 9.2), 1);

    @Test
    void neighboursThatFitOneCreditShareABoxAndADistantRegionKeepsItsOwn() {
        List<BoxPlanner.Box> plan = BoxPlanner.plan(List.of(JFK, EWR, ZRH), 4_000, 86_400, 5);
        assertThat(plan)
                .extracting(BoxPlanner.Box::regions)
                .containsExactlyInAnyOrder(List.of("jfk", "ewr"), List.of("zrh"));
        assertThat(plan).allSatisfy(b -> assertThat(b.cost()).isEqualTo(1));
        double spend = plan.stream().mapToDouble(b -> b.cost() / b.intervalS()).sum();
        assertThat(spend * 86_400).isLessThanOrEqualTo(4_000 * (1 + 1e-9));
        // the merged box carries weight 4 against 1: interval ratio sqrt(4) = 2
        BoxPlanner.Box nyc =
                plan.stream().filter(b -> b.regions().size() == 2).findFirst().orElseThrow();
        BoxPlanner.Box zrh =
                plan.stream().filter(b -> b.regions().size() == 1).findFirst().orElseThrow();
        assertThat(zrh.intervalS() / nyc.intervalS()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noCreditsMeansNoPlan() {
        assertThat(BoxPlanner.plan(List.of(JFK), 0, 86_400, 5)).isEmpty();
    }
}
