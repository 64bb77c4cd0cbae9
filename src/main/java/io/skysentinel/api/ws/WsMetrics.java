package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Push metrics, each tagged with the client's {@code endpoint} (flights, compat, atc): frames and bytes by type and
 * format, drops, resyncs, refusals; and the delivery lag of all of them.
 */
final class WsMetrics {

    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer lag;

    WsMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.lag = Timer.builder("skysentinel.ws.delivery.lag")
                .description("Frame produced to frame handed to the socket, per client")
                .publishPercentileHistogram()
                .register(meters);
    }

    void sent(String endpoint, OutFrame f, long lagMs) {
        counter("skysentinel.ws.frames", "Frames handed to sockets", null, endpoint, f.type(), f.format())
                .increment();
        counter("skysentinel.ws.bytes", "Bytes handed to sockets", "bytes", endpoint, f.type(), f.format())
                .increment(f.bytes());
        if (f.payload() != null) lag.record(Math.max(0, lagMs), TimeUnit.MILLISECONDS);
    }

    void dropped(String endpoint, int n) {
        counter(
                        "skysentinel.ws.dropped.frames",
                        "Frames dropped from slow clients' queues (each such client is then resynced)",
                        null,
                        endpoint)
                .increment(n);
    }

    void resync(String endpoint) {
        counter("skysentinel.ws.resyncs", "Slow clients resynced with a snapshot", null, endpoint)
                .increment();
    }

    void rejected(String endpoint) {
        counter("skysentinel.ws.rejected", "Connections refused at the client limit", null, endpoint)
                .increment();
    }

    /** A counter tagged {@code endpoint} and, when given, {@code type} and {@code format}; registered on first use. */
    private Counter counter(String name, String description, String unit, String endpoint, String... typeFormat) {
        String key = name + '|' + endpoint + (typeFormat.length == 0 ? "" : '|' + String.join("|", typeFormat));
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(name)
                    .description(description)
                    .baseUnit(unit)
                    .tag("endpoint", endpoint);
            if (typeFormat.length == 2) b = b.tag("type", typeFormat[0]).tag("format", typeFormat[1]);
            return b.register(meters);
        });
    }
}
