package io.skysentinel.source.opensky;

import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A FlightBus that keeps what it was given, for assertions. */
final class CapturingBus implements FlightBus {

    final List<SourceBatch> batches = new CopyOnWriteArrayList<>();

    @Override
    public boolean publish(SourceBatch batch) {
        batches.add(batch);
        return true;
    }

    @Override
    public void subscribe(Consumer<SourceBatch> subscriber) {
        throw new UnsupportedOperationException("tests read batches directly");
    }

    List<Long> times() {
        return batches.stream().map(SourceBatch::observedAtMs).toList();
    }
}
