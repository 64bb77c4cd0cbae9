package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CreditSchedulerTest {

    static final Instant DAY1 = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    static final Instant DAY3 = DAY2.plus(Duration.ofDays(1));
    static final Duration AUTH = Duration.ofSeconds(5);
    static final Duration ANON = Duration.ofSeconds(10);
    static final IntervalFunction BACKOFF =
            IntervalFunction.ofExponentialRandomBackoff(Duration.ofSeconds(2), 2.0, 0.5, Duration.ofMinutes(5));

    static CreditScheduler scheduler(
            long daily, int cost, Duration min, RefillMode mode, LocalTime refill, Instant start) {
        return new CreditScheduler(new CreditScheduler.Config(daily, cost, min, mode, refill, BACKOFF), start);
    }

    static CreditScheduler daily(long daily, int cost, Duration min, Instant start) {
        return scheduler(daily, cost, min, RefillMode.DAILY, LocalTime.MIDNIGHT, start);
    }

    @Test
    void workedExampleStandardTierNycBoxPollsEvery21point6Seconds() {
        CreditScheduler s = daily(4_000, 1, AUTH, DAY1);
        assertThat(s.pollInterval(DAY1).toMillis() / 1000.0).isCloseTo(21.6, within(0.05));
    }

    @Test
    void standardTierOneCreditCycleSpendsTheDayWithoutEverBeingRefused() {
        var sim = new SchedulerSimulation(
                        daily(4_000, 1, AUTH, DAY1),
                        new SimulatedBudget.Daily(4_000, DAY1, LocalTime.MIDNIGHT, 4_000),
                        1)
                .run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(DAY1, DAY2)).isGreaterThanOrEqualTo(3_800).isLessThanOrEqualTo(4_000);
        assertThat(sim.spentBetween(DAY2, DAY3)).isGreaterThanOrEqualTo(3_800);
        assertThat(sim.shortestGap()).isGreaterThanOrEqualTo(AUTH);
        // evenly spread, not a burst followed by a silent evening
        assertThat(sim.longestGap(DAY1, DAY2)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void anonymousTierSpendsItsFourHundredCreditsWithoutBeingRefused() {
        var sim = new SchedulerSimulation(
                        daily(400, 1, ANON, DAY1), new SimulatedBudget.Daily(400, DAY1, LocalTime.MIDNIGHT, 400), 1)
                .run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(DAY1, DAY2)).isGreaterThanOrEqualTo(380);
        assertThat(sim.shortestGap()).isGreaterThanOrEqualTo(ANON);
        assertThat(sim.meanGap(DAY1, DAY2)).isCloseTo(216, within(5.0));
    }

    @Test
    void threeRegionCycleOfThreeCreditsSpendsTheDayWithoutBeingRefused() {
        var sim = new SchedulerSimulation(
                        daily(4_000, 3, AUTH, DAY1),
                        new SimulatedBudget.Daily(4_000, DAY1, LocalTime.MIDNIGHT, 4_000),
                        1,
                        1,
                        1)
                .run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(DAY1, DAY2)).isGreaterThanOrEqualTo(3_800);
        assertThat(sim.meanGap(DAY1, DAY2)).isCloseTo(64.8, within(1.0));
    }

    @Test
    void anonymousMultiRegionCycleOfMixedCostsIsNotRefused() {
        var sim = new SchedulerSimulation(
                        daily(400, 3, ANON, DAY1), new SimulatedBudget.Daily(400, DAY1, LocalTime.MIDNIGHT, 400), 1, 2)
                .run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(DAY1, DAY2)).isGreaterThanOrEqualTo(380);
    }

    @Test
    void intervalIsNeverBelowTheDataResolutionEvenWithAHugeBudget() {
        CreditScheduler s = daily(1_000_000, 1, AUTH, DAY1);
        assertThat(s.pollInterval(DAY1)).isEqualTo(AUTH);

        var sim = new SchedulerSimulation(
                        daily(1_000_000, 1, AUTH, DAY1),
                        new SimulatedBudget.Daily(1_000_000, DAY1, LocalTime.MIDNIGHT, 1_000_000),
                        1)
                .run(DAY1, DAY1.plusSeconds(3600));
        assertThat(sim.shortestGap()).isGreaterThanOrEqualTo(AUTH);
        assertThat(sim.cycles).hasSizeBetween(700, 721);
    }

    @Test
    void unknownRefillTimeIsLearnedWithoutRefusalsAndTheNextDayIsFullyUsed() {
        Instant start = DAY1.plus(Duration.ofHours(18));
        // we start late in the account's day with most of it already spent, and nobody told us when it refills
        var sim = new SchedulerSimulation(
                        scheduler(4_000, 1, AUTH, RefillMode.DAILY, null, start),
                        new SimulatedBudget.Daily(4_000, start, LocalTime.MIDNIGHT, 1_200),
                        1)
                .run(start, DAY3.plus(Duration.ofDays(1)));

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(start, DAY2)).isLessThanOrEqualTo(1_200);
        assertThat(sim.spentBetween(DAY2, DAY3)).isGreaterThanOrEqualTo(3_800);
        assertThat(sim.spentBetween(DAY3, DAY3.plus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(3_800);
    }

    @Test
    void aWrongConfiguredRefillTimeIsCorrectedFromTheHeaderJump() {
        // configured 00:00, OpenSky really refills at 02:00: the header going up at 02:00 teaches us
        var sim = new SchedulerSimulation(
                        daily(4_000, 1, AUTH, DAY1),
                        new SimulatedBudget.Daily(4_000, DAY1, LocalTime.of(2, 0), 4_000),
                        1)
                .run(DAY1, DAY3.plus(Duration.ofDays(2)));

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(DAY3.plus(Duration.ofHours(2)), DAY3.plus(Duration.ofHours(26))))
                .isGreaterThanOrEqualTo(3_800);
    }

    @Test
    void aRefillThatDoesNotComeWhenConfiguredCostsOneRefusalAndTheRetryAfterCorrectsIt() {
        Instant late = DAY1.plus(Duration.ofHours(23));
        // configured 00:00, OpenSky refills at 02:00, and we start with 100 credits left: we spend them by midnight,
        // try once after the refill we expected, get a 429 whose retry-after names the real refill, and keep to it
        var sim = new SchedulerSimulation(
                        daily(4_000, 1, AUTH, late), new SimulatedBudget.Daily(4_000, late, LocalTime.of(2, 0), 100), 1)
                .run(late, DAY3.plus(Duration.ofDays(2)));

        assertThat(sim.refused).isEqualTo(1);
        assertThat(sim.spentBetween(DAY3.plus(Duration.ofHours(2)), DAY3.plus(Duration.ofHours(26))))
                .isGreaterThanOrEqualTo(3_800);
    }

    @Test
    void headerShowingFewerCreditsThanExpectedSlowsThePaceDown() {
        Instant noon = DAY1.plus(Duration.ofHours(12));
        CreditScheduler s = daily(4_000, 1, AUTH, noon);
        s.cycleStarted(noon);
        s.charged(noon, 1, OptionalLong.of(999)); // someone else used most of today's credits

        // 12 h to the midnight refill for 1,000 credits: one cycle every ~43 s instead of 21.6 s
        assertThat(s.pollInterval(noon).toMillis() / 1000.0).isCloseTo(43.2, within(0.1));
        assertThat(s.remaining(noon)).isEqualTo(999);
        assertThat(s.remainingFromHeader(noon)).isTrue();
    }

    @Test
    void anotherClientSpendingContinuouslySlowsUsDownWithoutRunningDry() {
        var sim = new SchedulerSimulation(
                daily(4_000, 1, AUTH, DAY1), new SimulatedBudget.Daily(4_000, DAY1, LocalTime.MIDNIGHT, 4_000), 1);
        for (Instant t = DAY1.plusSeconds(60); t.isBefore(DAY3); t = t.plusSeconds(120)) sim.foreignAt(t, 1);
        sim.run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.meanGap(DAY1.plus(Duration.ofHours(2)), DAY2)).isGreaterThan(21.6 * 1.1);
        assertThat(sim.spentBetween(DAY1, DAY2) + 720).isGreaterThanOrEqualTo(3_800);
    }

    @Test
    void aForeignBurstSlowsUsDownWithoutRunningDryBeforeTheRefill() {
        Instant six = DAY1.plus(Duration.ofHours(6));
        var sim = new SchedulerSimulation(
                        daily(4_000, 1, AUTH, DAY1),
                        new SimulatedBudget.Daily(4_000, DAY1, LocalTime.MIDNIGHT, 4_000),
                        1)
                .foreignAt(six, 1_500);
        sim.run(DAY1, DAY2.plus(Duration.ofHours(1)));

        assertThat(sim.foreignSpent).isEqualTo(1_500);
        assertThat(sim.refused).isZero();
        assertThat(sim.meanGap(six.plusSeconds(60), DAY1.plus(Duration.ofHours(12))))
                .isGreaterThan(sim.meanGap(DAY1, six) * 1.5);
        assertThat(sim.spentBetween(DAY1, DAY2) + 1_500).isGreaterThanOrEqualTo(3_800);
        assertThat(sim.longestGap(DAY1, DAY2)).isLessThan(Duration.ofMinutes(10)); // slower, but still polling
    }

    @Test
    void rateLimitStopsPollingUntilTheRetryAfterHasPassed() {
        Instant t = DAY1.plus(Duration.ofHours(20));
        CreditScheduler s = daily(4_000, 1, AUTH, t);
        s.cycleStarted(t);
        s.rateLimited(t, 3 * 3600, OptionalLong.of(0));

        assertThat(s.nextPollAt(t)).isAfterOrEqualTo(t.plusSeconds(3 * 3600));
        CreditScheduler.Decision d = s.decide(t.plusSeconds(60));
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterS()).isBetween(3 * 3600L - 60, 3 * 3600L + 60);
        assertThat(d.reason()).contains("429");
        assertThat(s.retryAfterS(t.plusSeconds(60))).isEqualTo(3 * 3600L - 60);
        // the 429 named the refill instant; after it, the full allowance is assumed until a header says otherwise
        Instant after = t.plusSeconds(3 * 3600 + 31);
        assertThat(s.decide(after).allowed()).isTrue();
        assertThat(s.remaining(after)).isEqualTo(4_000);
        assertThat(s.remainingFromHeader(after)).isFalse();
    }

    @Test
    void outOfCreditsWithAnUnknownRefillTimeProbesOnceToLearnItInsteadOfWaitingADay() {
        Instant noon = DAY1.plus(Duration.ofHours(12));
        CreditScheduler s = scheduler(4_000, 1, AUTH, RefillMode.DAILY, null, noon);
        s.cycleStarted(noon);
        s.charged(noon, 1, OptionalLong.of(0)); // another client drained the account; we do not know the refill time

        Instant probe = s.nextPollAt(noon);
        assertThat(probe).isEqualTo(noon.plus(CreditScheduler.PROBE_EVERY));
        s.cycleStarted(probe);
        s.rateLimited(probe, 11 * 3600, OptionalLong.of(0)); // OpenSky: the credits are back in 11 h
        assertThat(s.nextPollAt(probe)).isAfterOrEqualTo(probe.plusSeconds(11 * 3600));
        assertThat(s.refillAt(probe)).isEqualTo(probe.plusSeconds(11 * 3600));
    }

    @Test
    void outOfCreditsWithAKnownRefillTimeWaitsForIt() {
        Instant noon = DAY1.plus(Duration.ofHours(12));
        CreditScheduler s = daily(4_000, 1, AUTH, noon);
        s.cycleStarted(noon);
        s.charged(noon, 1, OptionalLong.of(0));
        assertThat(s.nextPollAt(noon)).isEqualTo(DAY2.plus(CreditScheduler.REFILL_MARGIN));
    }

    @Test
    void refreshIsRejectedInsideTheDataResolutionAndWhenCreditsAreShort() {
        CreditScheduler s = daily(4_000, 2, AUTH, DAY1);
        s.cycleStarted(DAY1);
        s.charged(DAY1, 2, OptionalLong.of(3_000));

        CreditScheduler.Decision early = s.decide(DAY1.plusSeconds(2));
        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfterS()).isEqualTo(3);
        assertThat(early.reason()).contains("resolution");
        assertThat(s.decide(DAY1.plusSeconds(5)).allowed()).isTrue();

        s.cycleStarted(DAY1.plusSeconds(10));
        s.charged(DAY1.plusSeconds(10), 2, OptionalLong.of(1)); // one credit left, a cycle costs two
        CreditScheduler.Decision broke = s.decide(DAY1.plusSeconds(60));
        assertThat(broke.allowed()).isFalse();
        assertThat(broke.reason()).contains("credits");
        assertThat(broke.retryAfterS()).isGreaterThan(23 * 3600L); // until the midnight refill
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToItsCapAndResetsOnSuccess() {
        CreditScheduler s = daily(4_000, 1, AUTH, DAY1);
        long[] delays = new long[12];
        for (int i = 0; i < delays.length; i++) {
            s.cycleFailed(DAY1);
            delays[i] = Duration.between(DAY1, s.backoffUntil()).toMillis();
            long nominal = Math.min(2_000L << i, 300_000L);
            assertThat(delays[i])
                    .as("attempt %d", i + 1)
                    .isBetween((long) (nominal * 0.5) - 1, Math.min((long) (nominal * 1.5) + 1, 300_000L));
        }
        assertThat(delays[5]).isGreaterThan(delays[0] * 4);
        assertThat(delays[11]).isLessThanOrEqualTo(300_000L);
        assertThat(s.nextPollAt(DAY1)).isEqualTo(s.backoffUntil());

        s.cycleSucceeded();
        assertThat(s.backoffUntil()).isNull();
        assertThat(s.consecutiveFailures()).isZero();
    }

    @Test
    void failedCallsCostNothingUnlessTheHeaderSaysSo() {
        CreditScheduler s = daily(4_000, 1, AUTH, DAY1);
        s.charged(DAY1, 1, OptionalLong.of(3_999));
        s.failedCall(DAY1.plusSeconds(30), OptionalLong.empty());
        assertThat(s.remaining(DAY1.plusSeconds(31))).isEqualTo(3_999);
        s.failedCall(DAY1.plusSeconds(60), OptionalLong.of(3_998)); // the server did charge this one
        assertThat(s.remaining(DAY1.plusSeconds(61))).isEqualTo(3_998);
    }

    @Test
    void rollingWindowRuleSpendsTheDayWithoutBeingRefused() {
        var sim = new SchedulerSimulation(
                        scheduler(4_000, 1, AUTH, RefillMode.ROLLING, null, DAY1),
                        new SimulatedBudget.Rolling(4_000),
                        1)
                .run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.spentBetween(DAY1, DAY2)).isGreaterThanOrEqualTo(3_800);
        assertThat(sim.spentBetween(DAY2, DAY3)).isGreaterThanOrEqualTo(3_800);
        assertThat(sim.shortestGap()).isGreaterThanOrEqualTo(AUTH);
    }

    @Test
    void rollingWindowRuleSharesWithAnotherClientWithoutBeingRefused() {
        var sim = new SchedulerSimulation(
                scheduler(4_000, 1, AUTH, RefillMode.ROLLING, null, DAY1), new SimulatedBudget.Rolling(4_000), 1);
        for (Instant t = DAY1.plusSeconds(60); t.isBefore(DAY3); t = t.plusSeconds(120)) sim.foreignAt(t, 1);
        sim.run(DAY1, DAY3);

        assertThat(sim.refused).isZero();
        assertThat(sim.meanGap(DAY2, DAY3)).isGreaterThan(21.6 * 1.1);
    }

    @Test
    void creditsReportedAboveTheConfiguredTierRaiseTheCeiling() {
        CreditScheduler s = daily(4_000, 1, AUTH, DAY1);
        s.charged(DAY1, 1, OptionalLong.of(7_999)); // a feeder account configured as standard
        assertThat(s.maxCredits()).isEqualTo(8_000);
    }
}
