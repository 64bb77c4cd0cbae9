package io.skysentinel.source.opensky;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * When the credit plan must be made again. A change of the active regions (an active-hours edge) replans at once:
 * waiting would poll a region that just went quiet, or leave one that just opened unpolled, for up to a minute. Any
 * other change — viewers, credits left off the plan's projection, the refill estimate moved — replans at most once
 * per {@code minGap}, so a browser panning across regions cannot make the poller churn. Pure; the caller passes the
 * time.
 */
public final class ReplanGate {

    /** What a plan was made from. */
    public record Inputs(Set<String> active, Map<String, Integer> viewers, double creditsLeft, Instant refillAt) {}

    private final Duration minGap;
    private Inputs planned;
    private Instant plannedAt;
    private double spendRate;

    public ReplanGate(Duration minGap) {
        this.minGap = minGap;
    }

    /** Records that a plan spending {@code spendRate} credits per second was made now from {@code inputs}. */
    public void planned(Instant now, Inputs inputs, double spendRate) {
        this.planned = inputs;
        this.plannedAt = now;
        this.spendRate = spendRate;
    }

    public boolean shouldReplan(Instant now, Inputs in) {
        if (planned == null) return true;
        if (!in.active().equals(planned.active())) return true;
        if (Duration.between(plannedAt, now).compareTo(minGap) < 0) return false;
        if (!in.viewers().equals(planned.viewers())) return true;
        if (Math.abs(Duration.between(planned.refillAt(), in.refillAt()).toSeconds()) > 60) return true;
        double expected = planned.creditsLeft()
                - spendRate * Duration.between(plannedAt, now).toMillis() / 1000.0;
        return Math.abs(in.creditsLeft() - expected) > Math.max(2, 0.02 * planned.creditsLeft());
    }
}
