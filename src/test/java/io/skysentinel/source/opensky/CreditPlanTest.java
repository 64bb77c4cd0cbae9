package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.CreditReporting.Region;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditPlanTest {

    static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
    static final Instant MIDNIGHT = Instant.parse("2026-12-03T00:00:00Z");
    static final Region ZRH = new Region("zrh", 47.0, 8.0, 47.9, 9.1); // 1 credit
    static final Region WIDE = new Region("wide", 30, -100, 40, -90); // 100 sq deg: 2 credits

    static PlannedRegion region(Region r, double w, String hours) {
        return new PlannedRegion(new WeightedRegion(r, w), ActiveHours.parse(hours), RegionDemand.NONE);
    }

    @Test
    void aRegionThatGoesQuietLaterGetsFasterPollsNowThanTheNaiveRate() {
        // zrh all day; wide only until 18:00. The naive rate spreads the credits over 12 h for both.
        List<PlannedRegion> regions = List.of(region(ZRH, 1, "always"), region(WIDE, 1, "00:00-18:00@UTC"));
        CreditPlan.Plan p = CreditPlan.plan(regions, NOON, n -> 0, 1000, MIDNIGHT, 0, 1);
        double naiveSpendRate = 1000.0 / (12 * 3600);
        assertThat(p.spendRate())
                .as("spends faster now: later, only zrh is left")
                .isGreaterThan(naiveSpendRate);
        // the whole budget is spent by the refill: 6 h of both boxes, then 6 h of zrh at its interval
        double zrhT = p.boxes().stream()
                .filter(b -> b.regions().equals(List.of("zrh")))
                .findFirst()
                .orElseThrow()
                .intervalS();
        double spent = p.spendRate() * 6 * 3600 + 1 / zrhT * 6 * 3600;
        assertThat(spent).isCloseTo(1000, org.assertj.core.data.Offset.offset(0.5));
        assertThat(p.projectedCreditsLeftAtRefill()).isCloseTo(0, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void oneMultiplierOverThePeriodsBeatsEveryOtherPairOfIntervals() {
        // Two periods (6 h both boxes, 6 h zrh alone), brute force over zrh's interval in each period and wide's:
        // the plan's projected age is the lowest of every combination that fits the budget.
        List<PlannedRegion> regions = List.of(region(ZRH, 2, "always"), region(WIDE, 1, "00:00-18:00@UTC"));
        CreditPlan.Plan p = CreditPlan.plan(regions, NOON, n -> 0, 500, MIDNIGHT, 0, 1);
        double tz = p.boxes().stream()
                .filter(b -> b.regions().equals(List.of("zrh")))
                .findFirst()
                .orElseThrow()
                .intervalS();
        double tw = p.boxes().stream()
                .filter(b -> b.regions().equals(List.of("wide")))
                .findFirst()
                .orElseThrow()
                .intervalS();
        double d = 6 * 3600;
        double planAge = d * (2 * tz + tw) + d * 2 * tz; // Σ d w T (the /2 and the normalisation are common)
        double best = Double.POSITIVE_INFINITY;
        for (double a = 20; a < 2000; a *= 1.02)
            for (double b = 20; b < 4000; b *= 1.02)
                for (double c = 20; c < 2000; c *= 1.02) {
                    double spend = d * (1 / a + 2 / b) + d * (1 / c);
                    if (spend <= 500) best = Math.min(best, d * (2 * a + b) + d * 2 * c);
                }
        assertThat(planAge).isLessThanOrEqualTo(best * 1.0005);
    }

    @Test
    void nothingActiveOrNothingToSpendIsAnEmptyPlan() {
        List<PlannedRegion> night = List.of(region(ZRH, 1, "06:00-07:00@UTC"));
        CreditPlan.Plan p = CreditPlan.plan(night, NOON, n -> 0, 1000, MIDNIGHT, 0, 5);
        assertThat(p.boxes()).isEmpty();
        assertThat(p.inactiveRegions()).containsExactly("zrh");
        assertThat(CreditPlan.plan(List.of(region(ZRH, 1, "always")), NOON, n -> 0, 10, MIDNIGHT, 10, 5)
                        .boxes())
                .as("only the reserve is left")
                .isEmpty();
    }

    @Test
    void viewersRaiseARegionsShareAndTheFloorLowersIt() {
        RegionDemand demand = new RegionDemand(0.2, 0.5, 4);
        List<PlannedRegion> regions = List.of(
                new PlannedRegion(new WeightedRegion(ZRH, 1), ActiveHours.always(), demand),
                new PlannedRegion(
                        new WeightedRegion(new Region("b", 10, 10, 11, 11), 1), ActiveHours.always(), demand));
        CreditPlan.Plan p = CreditPlan.plan(regions, NOON, n -> n.equals("zrh") ? 4 : 0, 1000, MIDNIGHT, 0, 1);
        double tz = p.boxes().stream()
                .filter(b -> b.regions().contains("zrh"))
                .findFirst()
                .orElseThrow()
                .intervalS();
        double tb = p.boxes().stream()
                .filter(b -> b.regions().contains("b"))
                .findFirst()
                .orElseThrow()
                .intervalS();
        // T ∝ √(1/w): multipliers 3 (1 + 4 × 0.5) and 0.2
        assertThat(tb / tz).isCloseTo(Math.sqrt(3 / 0.2), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(demand.multiplier(100)).isEqualTo(4);
    }
}
