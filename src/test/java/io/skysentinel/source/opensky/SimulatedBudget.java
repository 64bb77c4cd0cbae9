package io.skysentinel.source.opensky;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;

/** What OpenSky's credit accounting does, as a model the scheduler tests can spend against. */
abstract class SimulatedBudget {

    /** The answer to one request: either charged (with the header value) or refused with a retry-after. */
    record Answer(boolean ok, long remainingHeader, long retryAfterS) {}

    final long capacity;

    SimulatedBudget(long capacity) {
        this.capacity = capacity;
    }

    abstract Answer request(Instant at, long cost);

    /** Another client of the same account spends credits (true if it could). */
    abstract boolean foreignSpend(Instant at, long credits);

    /** The whole allowance comes back at the same UTC time every day. */
    static final class Daily extends SimulatedBudget {
        private long remaining;
        private Instant nextRefill;

        Daily(long capacity, Instant start, LocalTime refillUtc, long remainingAtStart) {
            super(capacity);
            this.remaining = remainingAtStart;
            Instant candidate =
                    start.atZone(ZoneOffset.UTC).toLocalDate().atTime(refillUtc).toInstant(ZoneOffset.UTC);
            this.nextRefill = candidate.isAfter(start) ? candidate : candidate.plus(Duration.ofDays(1));
        }

        private void refill(Instant at) {
            while (!at.isBefore(nextRefill)) {
                remaining = capacity;
                nextRefill = nextRefill.plus(Duration.ofDays(1));
            }
        }

        @Override
        Answer request(Instant at, long cost) {
            refill(at);
            if (remaining < cost) {
                return new Answer(false, 0, (Duration.between(at, nextRefill).toMillis() + 999) / 1000);
            }
            remaining -= cost;
            return new Answer(true, remaining, 0);
        }

        @Override
        boolean foreignSpend(Instant at, long credits) {
            refill(at);
            if (remaining < credits) return false;
            remaining -= credits;
            return true;
        }
    }

    /** Each credit comes back 24 hours after it was spent. */
    static final class Rolling extends SimulatedBudget {
        private record Spend(Instant at, long credits) {}

        private final Deque<Spend> window = new ArrayDeque<>();
        private long inWindow;

        Rolling(long capacity) {
            super(capacity);
        }

        private void age(Instant at) {
            while (!window.isEmpty()
                    && !window.peekFirst().at().plus(Duration.ofDays(1)).isAfter(at)) {
                inWindow -= window.removeFirst().credits();
            }
        }

        @Override
        Answer request(Instant at, long cost) {
            age(at);
            if (capacity - inWindow < cost) {
                long need = cost - (capacity - inWindow);
                Instant when = at;
                for (Spend s : window) {
                    need -= s.credits();
                    when = s.at().plus(Duration.ofDays(1));
                    if (need <= 0) break;
                }
                return new Answer(
                        false, 0, Math.max(1, (Duration.between(at, when).toMillis() + 999) / 1000));
            }
            window.addLast(new Spend(at, cost));
            inWindow += cost;
            return new Answer(true, capacity - inWindow, 0);
        }

        @Override
        boolean foreignSpend(Instant at, long credits) {
            age(at);
            if (capacity - inWindow < credits) return false;
            window.addLast(new Spend(at, credits));
            inWindow += credits;
            return true;
        }
    }
}
