package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Push metrics: frames and bytes by type and format, drops, resyncs, delivery lag. */
final class WsMetrics {

    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Counter> frames = new ConcurrentHashMap<>(),
            bytes = new ConcurrentHashMap<>();
    private final Counter dropped, resyncs, rejected;
    private final Timer lag;

    WsMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.dropped = Counter.builder("skysentinel.ws.dropped.frames")
                .description("Frames dropped from slow clients' queues (each such client is then resynced)")
                .register(meters);
        this.resyncs = Counter.builder("skysentinel.ws.resyncs")
                .description("Slow clients resynced with a snapshot")
                .register(meters);
        this.rejected = Counter.builder("skysentinel.ws.rejected")
                .description("Connections refused at the client limit")
                .register(meters);
        this.lag = Timer.builder("skysentinel.ws.delivery.lag")
                .description("Frame produced to frame handed to the socket, per client")
                .publishPercentileHistogram()
                .register(meters);
    }

    void sent(OutFrame f, long lagMs) {
        String key = f.type() + '|' + f.format();
        frames.computeIfAbsent(
                        key,
                        k -> Counter.builder("skysentinel.ws.frames")
                                .tag("type", f.type())
                                .tag("format", f.format())
                                .register(meters))
                .increment();
        bytes.computeIfAbsent(
                        key,
                        k -> Counter.builder("skysentinel.ws.bytes")
                                .baseUnit("bytes")
                                .tag("type", f.type())
                                .tag("format", f.format())
                                .register(meters))
                .increment(f.bytes());
        if (f.payload() != null) lag.record(Math.max(0, lagMs), TimeUnit.MILLISECONDS);
    }

    void dropped(int n) {
        dropped.increment(n);
    }

    void resync() {
        resyncs.increment();
    }

    void rejected() {
        rejected.increment();
    }
}
