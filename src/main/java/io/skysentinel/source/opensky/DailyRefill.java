package io.skysentinel.source.opensky;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * For the DAILY refill rule: when the allowance comes back. Unless configured, the instant is unknown at start, so
 * we plan for the worst case a daily bucket allows (24 h from now) and learn the real instant from the responses:
 * a 429's retry-after names it exactly, and a header that goes up between two polls shows it happened in between.
 * Also tracks credits that other clients of the same account spend, from the header drops we did not cause.
 */
final class DailyRefill {

    static final Duration DAY = Duration.ofDays(1);

    private final Duration margin;
    private Instant refillAt; // next refill we plan for: exact when configured/announced/confirmed, else a bound
    private Instant assumedRefill; // a refill we took for granted and no header has confirmed yet
    private boolean known; // refillAt comes from config, a 429 or an observed refill, not the worst case
    private Long lastHeader;
    private long chargedSinceHeader;
    private long foreignSpent;
    private Instant foreignSince;

    DailyRefill(Instant start, LocalTime configuredUtc, Duration margin) {
        this.margin = margin;
        this.refillAt = configuredUtc != null ? nextAtTimeOfDay(start, configuredUtc) : start.plus(DAY);
        this.known = configuredUtc != null;
        this.foreignSince = start;
    }

    /** The next refill at or after {@code now} (an expected refill stays "next" until its margin has passed). */
    Instant refillAt(Instant now) {
        Instant r = refillAt;
        while (!now.isBefore(r.plus(margin))) r = r.plus(DAY);
        return r;
    }

    /** True when an expected refill (plus margin) lies in (since, now]: the budget is full again, by assumption. */
    boolean assumedRefilledSince(Instant since, Instant now) {
        Instant due = refillAt.plus(margin);
        return since.isBefore(due) && !now.isBefore(due);
    }

    void assumeRefilled(Instant at) {
        Instant r = refillAt;
        while (!at.isBefore(r.plus(DAY).plus(margin))) r = r.plus(DAY);
        assumedRefill = r;
        refillAt = r.plus(DAY);
        newDay(r);
    }

    /** False while refillAt is only the worst case (24 h after we started or lost track). */
    boolean known() {
        return known;
    }

    void charged(long credits) {
        chargedSinceHeader += credits;
    }

    /** A header value; compared with the previous one to learn the refill instant and other clients' use. */
    void observed(Instant at, long header) {
        if (lastHeader != null) {
            long explained = lastHeader - chargedSinceHeader;
            if (header > explained) {
                if (assumedRefill == null) { // came back earlier than planned: somewhere since the last header
                    refillAt = at.plus(DAY);
                    newDay(at);
                }
                known = true;
            } else {
                if (assumedRefill != null) { // the refill we assumed did not happen: back to the worst case
                    refillAt = at.plus(DAY);
                    known = false;
                }
                foreignSpent += explained - header;
            }
        }
        assumedRefill = null;
        lastHeader = header;
        chargedSinceHeader = 0;
    }

    /** A 429: nothing left now, and OpenSky says when credits come back, which is the refill. */
    void exhaustedUntil(Instant refill) {
        refillAt = refill;
        known = true;
        assumedRefill = null;
        lastHeader = 0L;
        chargedSinceHeader = 0;
    }

    /** Credits per second other clients have been taking since the refill (averaged over at least minWindow). */
    double foreignRatePerS(Instant now, Duration minWindow) {
        Duration window = Duration.between(foreignSince, now);
        if (window.compareTo(minWindow) < 0) window = minWindow;
        return foreignSpent / (double) window.toSeconds();
    }

    static Instant nextAtTimeOfDay(Instant from, LocalTime timeUtc) {
        Instant candidate =
                from.atZone(ZoneOffset.UTC).toLocalDate().atTime(timeUtc).toInstant(ZoneOffset.UTC);
        return candidate.isAfter(from) ? candidate : candidate.plus(DAY);
    }

    private void newDay(Instant since) {
        foreignSpent = 0;
        foreignSince = since;
    }
}
