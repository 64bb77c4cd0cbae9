package io.skysentinel.testing;

import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps what a source publishes (up to a bound, like the real bus) for the test to inspect. */
public final class RecordingBus implements FlightBus {

    private final List<SourceBatch> batches = new ArrayList<>();
    private final int capacity;
    private int attempts;

    public RecordingBus() {
        this(100_000);
    }

    public RecordingBus(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean publish(SourceBatch batch) {
        attempts++;
        if (batches.size() >= capacity) return false;
        batches.add(batch);
        return true;
    }

    @Override
    public void subscribe(Consumer<SourceBatch> subscriber) {
        throw new UnsupportedOperationException("sources only publish");
    }

    public synchronized List<SourceBatch> batches() {
        return List.copyOf(batches);
    }

    /** Every publish call, including refused ones. */
    public synchronized int attempts() {
        return attempts;
    }

    /** The observation times of the batches kept, in order. */
    public List<Long> times() {
        return batches().stream().map(SourceBatch::observedAtMs).toList();
    }
}
