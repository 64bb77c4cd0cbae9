package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import io.skysentinel.core.Update;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One consumer's bounded queue of the hub's updates (history, analytics, the Kafka update publisher each have their
 * own). The hub only ever offers, never waits: when the queue holds {@code capacity} updates the oldest are dropped
 * and counted, so a slow follower costs at most its bound and slows neither the hub nor the other followers. The
 * follower learns how many it lost at its next {@link #take} and can rebuild from the picture. A replayed batch may
 * instead wait for room first ({@link #awaitRoom}), since a replay is not live.
 *
 * <p>Updates are queued in the chunks one apply produced (one lock and one entry per batch, not per state).
 */
public final class Follower<E extends LiveEntity> {

    /** What {@link #take} returns: the next updates in hub order, and how many were dropped just before them. */
    public record Taken<E extends LiveEntity>(List<Update<E>> updates, long lost) {}

    private static final class Chunk<E extends LiveEntity> {
        final List<Update<E>> updates;
        final long enqueuedAtMs;
        int from;

        Chunk(List<Update<E>> updates, long enqueuedAtMs) {
            this.updates = updates;
            this.enqueuedAtMs = enqueuedAtMs;
        }

        int size() {
            return updates.size() - from;
        }
    }

    private final String name;
    private final int capacity;
    private final ArrayDeque<Chunk<E>> chunks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private int size;
    private long offered, dropped, lostPending;
    private volatile boolean closed;

    Follower(String name, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("follower " + name + ": capacity must be >= 1");
        this.name = name;
        this.capacity = capacity;
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    /** Queues one apply's updates; never blocks. Beyond the bound the oldest updates are dropped and counted. */
    void offer(List<Update<E>> updates, long nowMs) {
        if (updates.isEmpty() || closed) return;
        lock.lock();
        try {
            offered += updates.size();
            Chunk<E> chunk = new Chunk<>(updates, nowMs);
            if (chunk.size() > capacity) {
                drop(chunk.size() - capacity);
                chunk.from = chunk.size() - capacity;
            }
            chunks.addLast(chunk);
            size += chunk.size();
            while (size - chunk.size() > 0 && size > capacity) dropHead(size - capacity);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    private void dropHead(int n) {
        Chunk<E> head = chunks.peekFirst();
        int k = Math.min(n, head.size());
        head.from += k;
        size -= k;
        drop(k);
        if (head.size() == 0) chunks.pollFirst();
    }

    private void drop(int n) {
        dropped += n;
        lostPending += n;
    }

    /** Waits until {@code n} more updates fit (or the queue is empty), at most {@code maxWaitMs}; false on timeout. */
    boolean awaitRoom(int n, long maxWaitMs) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
        lock.lock();
        try {
            while (!closed && size > 0 && size + n > capacity) {
                if (left <= 0) return false;
                left = drained.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} updates, waiting at most {@code timeoutMs} for the first; empty on timeout. */
    public Taken<E> take(int max, long timeoutMs) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (size == 0 && lostPending == 0) {
                if (left <= 0 || closed) return new Taken<>(List.of(), 0);
                left = notEmpty.awaitNanos(left);
            }
            List<Update<E>> out = new ArrayList<>(Math.min(max, size));
            while (out.size() < max && !chunks.isEmpty()) {
                Chunk<E> head = chunks.peekFirst();
                int k = Math.min(max - out.size(), head.size());
                out.addAll(head.updates.subList(head.from, head.from + k));
                head.from += k;
                size -= k;
                if (head.size() == 0) chunks.pollFirst();
            }
            long lost = lostPending;
            lostPending = 0;
            drained.signalAll();
            return new Taken<>(out, lost);
        } finally {
            lock.unlock();
        }
    }

    /** Updates waiting. */
    public int depth() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** How long the oldest waiting update has waited, ms; 0 when none waits. */
    public long lagMs(long nowMs) {
        lock.lock();
        try {
            Chunk<E> head = chunks.peekFirst();
            return head == null ? 0 : Math.max(0, nowMs - head.enqueuedAtMs);
        } finally {
            lock.unlock();
        }
    }

    /** Updates dropped because the queue was full, since start. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Updates offered (kept or dropped), since start. */
    public long offered() {
        lock.lock();
        try {
            return offered;
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking updates (the hub forgets this follower); a waiting take or awaitRoom returns. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        return closed;
    }
}
