package io.skysentinel.source.opensky;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.OptionalLong;

/**
 * Decides when the next poll cycle may run, from the credit budget alone. Pure: no threads, no I/O, no clock of its
 * own; every method takes the instant it is about. Not thread-safe (the source guards it with a lock).
 *
 * <p>The pace spreads what is left over the time until it comes back: {@code interval = horizon × cycleCost /
 * (remainingAfterPoll + cycleCost)}, never below the data resolution. Run all day, that spends the whole allowance
 * by the refill and never needs more than is there. {@code X-Rate-Limit-Remaining} replaces our own count whenever a
 * response carries it, so credits spent by another client of the same account slow us down instead of draining us.
 * See docs/opensky.md for the refill rules and a worked example.
 */
public final class CreditScheduler {

    /** After an expected DAILY refill, wait this long before relying on it, in case OpenSky's clock is behind ours. */
    static final Duration REFILL_MARGIN = Duration.ofSeconds(30);
    /** Out of credits with an unknown refill time, ask OpenSky (and get a 429 naming it) this often at most. */
    static final Duration PROBE_EVERY = Duration.ofMinutes(15);
    /** Foreign use is averaged over at least this long, so one early burst does not look like a huge rate. */
    static final Duration MIN_RATE_WINDOW = Duration.ofHours(1);

    public record Config(
            long dailyCredits,
            int cycleCost,
            Duration minInterval,
            RefillMode refillMode,
            LocalTime refillTimeUtc,
            IntervalFunction backoff) {}

    /** Whether a poll may start now; when not, how long until it may and why. */
    public record Decision(boolean allowed, long retryAfterS, String reason) {}

    private final Config cfg;
    private final DailyRefill daily;
    private final RollingLedger ledger = new RollingLedger();
    private final Instant startedAt;
    private long maxCredits;
    private long remaining;
    private boolean fromHeader;
    private Instant observedAt; // when `remaining` was last true
    private Instant lastCycleAt, retryUntil, backoffUntil;
    private int failures;

    public CreditScheduler(Config cfg, Instant start) {
        if (cfg.cycleCost() <= 0 || cfg.dailyCredits() <= 0)
            throw new IllegalArgumentException("cost and budget must be > 0");
        this.cfg = cfg;
        this.maxCredits = cfg.dailyCredits();
        this.remaining = maxCredits; // optimistic only until the first response's header
        this.observedAt = start;
        this.startedAt = start;
        this.daily = new DailyRefill(start, cfg.refillTimeUtc(), REFILL_MARGIN);
    }

    // ---- events -------------------------------------------------------------------------------------------

    public void cycleStarted(Instant at) {
        lastCycleAt = at;
    }

    /** A response that carried a body (OpenSky charges for it); {@code header} is X-Rate-Limit-Remaining if sent. */
    public void charged(Instant at, int credits, OptionalLong header) {
        settle(at);
        long predicted = Math.max(0, remaining - credits);
        if (cfg.refillMode() == RefillMode.ROLLING) ledger.spent(at, credits, true);
        else daily.charged(credits);
        if (header.isPresent()) observe(at, predicted, header.getAsLong(), credits);
        else {
            remaining = predicted;
            fromHeader = false;
            observedAt = at;
        }
    }

    /** A failed call: it costs nothing unless the server's header says otherwise. */
    public void failedCall(Instant at, OptionalLong header) {
        settle(at);
        if (header.isPresent()) observe(at, remaining, header.getAsLong(), 0);
    }

    /** 429: OpenSky will refuse everything until {@code retryAfterS} has passed. */
    public void rateLimited(Instant at, long retryAfterS, OptionalLong header) {
        settle(at);
        retryUntil = at.plusSeconds(Math.max(1, retryAfterS));
        remaining = Math.min(header.orElse(0), cfg.cycleCost() - 1L);
        fromHeader = header.isPresent();
        observedAt = at;
        if (cfg.refillMode() == RefillMode.DAILY) daily.exhaustedUntil(retryUntil);
    }

    public void cycleSucceeded() {
        failures = 0;
        backoffUntil = null;
    }

    /** 5xx, timeout, open breaker: back off exponentially (with jitter) before the next attempt. */
    public void cycleFailed(Instant at) {
        failures++;
        backoffUntil = at.plusMillis(cfg.backoff().apply(failures));
    }

    // ---- questions ----------------------------------------------------------------------------------------

    /** When the regular loop should start its next cycle (may be in the past: then now). */
    public Instant nextPollAt(Instant now) {
        Instant credits = creditsAvailableAt(now); // when short of credits, their return sets the time, not the pace
        Instant t =
                lastCycleAt == null ? now : lastCycleAt.plus(credits != null ? cfg.minInterval() : pollInterval(now));
        return latest(t, retryUntil, backoffUntil, credits);
    }

    /** May an on-demand refresh poll now? It skips the pacing but not the resolution, the budget or a 429. */
    public Decision decide(Instant now) {
        Instant resolution = lastCycleAt == null ? null : lastCycleAt.plus(cfg.minInterval());
        Instant credits = creditsAvailableAt(now);
        Instant until = latest(now, resolution, retryUntil, backoffUntil, credits);
        if (!until.isAfter(now)) return new Decision(true, 0, "ok");
        String reason = after(retryUntil, now)
                ? "rate limited by OpenSky (429)"
                : after(credits, now)
                        ? "not enough credits left for a cycle until they are refilled"
                        : after(backoffUntil, now)
                                ? "backing off after failed polls"
                                : "data resolution: polled less than "
                                        + cfg.minInterval().toSeconds() + " s ago";
        return new Decision(false, ceilSeconds(Duration.between(now, until)), reason);
    }

    /** The pace: time between cycle starts that spends the budget evenly until it comes back. */
    public Duration pollInterval(Instant now) {
        // Pace from the last thing we know; once an expected refill has passed, from now with the new allowance.
        Instant ref =
                cfg.refillMode() == RefillMode.DAILY && daily.assumedRefilledSince(observedAt, now) ? now : observedAt;
        long left = remainingAt(ref);
        double paceS;
        if (cfg.refillMode() == RefillMode.DAILY) {
            double horizonS =
                    Math.max(1, Duration.between(ref, daily.refillAt(ref)).toMillis() / 1000.0);
            double reserve = Math.min(daily.foreignRatePerS(ref, MIN_RATE_WINDOW) * horizonS, left / 2.0);
            paceS = horizonS * cfg.cycleCost() / (left - reserve + cfg.cycleCost());
        } else {
            double rate = ledger.sustainableRate(ref, left);
            double window = Math.max(
                    MIN_RATE_WINDOW.toSeconds(),
                    Math.min(
                            RollingLedger.WINDOW.toSeconds(),
                            Duration.between(startedAt, ref).toSeconds()));
            double foreign = ledger.foreignInWindow() / window;
            rate = Math.max(rate - foreign, rate / 2);
            paceS = rate <= 0 ? RollingLedger.WINDOW.toSeconds() : cfg.cycleCost() / rate;
        }
        Duration pace = Duration.ofMillis((long) Math.ceil(paceS * 1000));
        return pace.compareTo(cfg.minInterval()) < 0 ? cfg.minInterval() : pace;
    }

    public long remaining(Instant now) {
        return remainingAt(now);
    }

    /** True while the figure is what OpenSky last said, false when it is our own estimate. */
    public boolean remainingFromHeader(Instant now) {
        return fromHeader && !(cfg.refillMode() == RefillMode.DAILY && daily.assumedRefilledSince(observedAt, now));
    }

    public long maxCredits() {
        return maxCredits;
    }

    /** DAILY: the next refill we plan for. ROLLING: when the next spent credit comes back (null if none). */
    public Instant refillAt(Instant now) {
        return cfg.refillMode() == RefillMode.DAILY ? daily.refillAt(now) : ledger.nextReturn(now);
    }

    public long retryAfterS(Instant now) {
        return retryUntil == null || !retryUntil.isAfter(now) ? 0 : ceilSeconds(Duration.between(now, retryUntil));
    }

    public Instant retryUntil() {
        return retryUntil;
    }

    public Instant backoffUntil() {
        return backoffUntil;
    }

    public Instant lastCycleAt() {
        return lastCycleAt;
    }

    public int consecutiveFailures() {
        return failures;
    }

    public int cycleCost() {
        return cfg.cycleCost();
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private long remainingAt(Instant t) {
        if (cfg.refillMode() == RefillMode.DAILY)
            return daily.assumedRefilledSince(observedAt, t) ? maxCredits : remaining;
        return remaining + ledger.returnedBetween(observedAt, t);
    }

    /** Brings `remaining` forward to `at`: a DAILY refill we expected has (we assume) happened, ROLLING returns. */
    private void settle(Instant at) {
        if (at.isBefore(observedAt)) return;
        long now = remainingAt(at);
        if (cfg.refillMode() == RefillMode.DAILY && daily.assumedRefilledSince(observedAt, at)) {
            daily.assumeRefilled(at);
            fromHeader = false;
        }
        remaining = now;
        observedAt = at;
    }

    private void observe(Instant at, long predicted, long header, int credits) {
        maxCredits = Math.max(maxCredits, header + credits); // the header knows our real tier better than config
        if (cfg.refillMode() == RefillMode.DAILY) daily.observed(at, header);
        else {
            if (predicted > header) ledger.spent(at, predicted - header, false); // returns 24 h from now, at worst
            ledger.prune(at);
        }
        remaining = header;
        fromHeader = true;
        observedAt = at;
    }

    private Instant creditsAvailableAt(Instant now) {
        if (remainingAt(now) >= cfg.cycleCost()) return null;
        if (cfg.refillMode() == RefillMode.DAILY) {
            Instant refill = daily.refillAt(now).plus(REFILL_MARGIN);
            // Out of credits and the refill time is only our worst case: one request costs nothing but a 429,
            // whose retry-after names the real refill. Better than hours of darkness; at most one per PROBE_EVERY.
            if (daily.known() || lastCycleAt == null) return refill;
            Instant probe = lastCycleAt.plus(PROBE_EVERY);
            return probe.isBefore(refill) ? probe : refill;
        }
        Instant at = ledger.availableAt(observedAt, remaining, cfg.cycleCost());
        return at != null ? at : observedAt.plus(RollingLedger.WINDOW); // nothing of ours to come back: worst case
    }

    private static Instant latest(Instant first, Instant... others) {
        Instant max = first;
        for (Instant o : others) if (o != null && o.isAfter(max)) max = o;
        return max;
    }

    private static boolean after(Instant t, Instant now) {
        return t != null && t.isAfter(now);
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
