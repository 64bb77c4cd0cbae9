package io.skysentinel.core;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * Waits, at most a given time, until none of some items is still pending: how a shutdown gives each client's own
 * sender the chance to write its close frame (live clients, playbacks) without holding the stop up for long.
 */
public final class BoundedWait {

    private BoundedWait() {}

    /** Returns when no item is {@code pending}, after {@code maxMs}, or when interrupted (the flag is kept). */
    public static <T> void untilNone(Collection<T> items, Predicate<T> pending, long maxMs) {
        long deadline = System.currentTimeMillis() + maxMs;
        for (T item : items) {
            while (pending.test(item) && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
