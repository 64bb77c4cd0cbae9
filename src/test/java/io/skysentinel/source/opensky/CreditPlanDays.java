package io.skysentinel.source.opensky;

import java.util.Locale;

/**
 * Prints docs/benchmarks.md's credit-plan table: per tier, the simulated day of {@link PlanDay} under the planner and
 * under one fixed interval per region that fits the budget, the mean data age per region and the ratio.
 */
public final class CreditPlanDays {

    private CreditPlanDays() {}

    public static void main(String[] args) {
        System.out.println("| tier | region (weight) | plan: mean age | fixed interval: mean age | fixed / plan |");
        System.out.println("|---|---|---|---|---|");
        for (Tier tier : new Tier[] {Tier.ANONYMOUS, Tier.STANDARD, Tier.FEEDER}) {
            double reserve = tier.dailyCredits() * 0.01;
            PlanDay.Result plan = PlanDay.planned(tier, reserve);
            PlanDay.Result fixed = PlanDay.fixed(tier);
            for (PlannedRegion r : PlanDay.REGIONS) {
                double p = plan.meanAgeS().get(r.name()), f = fixed.meanAgeS().get(r.name());
                System.out.println(String.format(
                        Locale.ROOT,
                        "| %s | %s (%.0f) | %.1f s | %.1f s | %.2f |",
                        tier.name().toLowerCase(Locale.ROOT),
                        r.name(),
                        r.region().weight(),
                        p,
                        f,
                        f / p));
            }
            System.out.println(String.format(
                    Locale.ROOT,
                    "| %s | **weighted (weight × viewers)** | **%.1f s** | **%.1f s** | **%.2f** |",
                    tier.name().toLowerCase(Locale.ROOT),
                    plan.weightedMeanAgeS(),
                    fixed.weightedMeanAgeS(),
                    fixed.weightedMeanAgeS() / plan.weightedMeanAgeS()));
            System.out.println(String.format(
                    Locale.ROOT,
                    "| %s | credits used, 429s, plans; oracle | %d of %d, %d, %d; %.1f s | %d of %d, %d | |",
                    tier.name().toLowerCase(Locale.ROOT),
                    plan.spent(),
                    tier.dailyCredits(),
                    plan.refused(),
                    plan.plans(),
                    PlanDay.oracleOptimum(tier, reserve),
                    fixed.spent(),
                    tier.dailyCredits(),
                    fixed.refused()));
        }
    }
}
