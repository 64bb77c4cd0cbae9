package io.skysentinel.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Everything the clients count, shared; histograms and adders are thread-safe. */
final class LoadStats {
    final AtomicInteger connected = new AtomicInteger(), failed = new AtomicInteger(), open = new AtomicInteger();
    final AtomicInteger closedByServer = new AtomicInteger(), errors = new AtomicInteger();
    final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    final AtomicInteger errorSamples = new AtomicInteger();
    final Map<Integer, AtomicInteger> closeCodes = new ConcurrentHashMap<>();
    // in the measured window
    final LongAdder bytesWindow = new LongAdder();
    final LongAdder snapshots = new LongAdder(),
            deltas = new LongAdder(),
            statuses = new LongAdder(),
            errorFrames = new LongAdder(),
            otherFrames = new LongAdder(),
            headerMisses = new LongAdder();
    final LongAdder gapsWindow = new LongAdder(), resyncsWindow = new LongAdder();
    final LagHistogram deltaLag = new LagHistogram(),
            deltaFirstByteLag = new LagHistogram(),
            statusLag = new LagHistogram(),
            snapshotLag = new LagHistogram();
    // whole run
    final LongAdder bytesTotal = new LongAdder(), framesTotal = new LongAdder(), pings = new LongAdder();
    final LongAdder gapsTotal = new LongAdder(), resyncsTotal = new LongAdder(), deltaBeforeSnapshot = new LongAdder();
    final LongAdder initialSnapshots = new LongAdder();
    // per-second progress (reset every second)
    final LongAdder bytesSecond = new LongAdder(), deltasSecond = new LongAdder();
    final AtomicLong maxLagSecond = new AtomicLong();

    void error(String what) {
        if (errorSamples.incrementAndGet() <= 5) firstErrors.add(what);
    }
}
