package io.skysentinel.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded FIFO between a producer that must never block (the analytics listener callbacks, on the analytics
 * follower's thread) and the database writer (on the history follower's). Full: the oldest element is dropped and
 * counted. The writer takes a batch "in flight" and either commits
 * it (written) or leaves it in flight to retry after an outage; in-flight elements count against the bound and are
 * the first to go when it is exceeded, since they are the oldest.
 */
public final class DropOldestBuffer<T> {

    private final int capacity;
    private final ArrayDeque<T> queued = new ArrayDeque<>();
    private final ArrayDeque<T> inFlight = new ArrayDeque<>();
    private long dropped;

    public DropOldestBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
        this.capacity = capacity;
    }

    public synchronized void offer(T item) {
        if (queued.size() + inFlight.size() >= capacity) {
            if (!inFlight.isEmpty()) inFlight.pollFirst();
            else queued.pollFirst();
            dropped++;
        }
        queued.addLast(item);
    }

    /** The batch to write: what is still in flight from a failed attempt, topped up to {@code max} from the queue. */
    public synchronized List<T> takeBatch(int max) {
        while (inFlight.size() < max && !queued.isEmpty()) inFlight.addLast(queued.pollFirst());
        return new ArrayList<>(inFlight);
    }

    /** The last batch taken is written. */
    public synchronized void commit() {
        inFlight.clear();
    }

    public synchronized int size() {
        return queued.size() + inFlight.size();
    }

    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }
}
