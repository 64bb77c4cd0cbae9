package io.skysentinel.api.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/performance/metrics (admin): the figures an operator looks at first, in one JSON: ingest and API timings,
 * queue depths, what was dropped, the database pool, memory. Read from the same meters as /metrics (docs/api.md).
 */
@RestController
@AdminOnly
public class PerformanceController {

    /** Meter name prefixes of each section (Micrometer's dotted names; /metrics shows them with underscores). */
    static final Map<String, List<String>> SECTIONS = Map.of(
            "ingest",
            List.of(
                    "skysentinel.source.",
                    "skysentinel.bus.",
                    "skysentinel.sim.",
                    "skysentinel.replay.",
                    "skysentinel.opensky.",
                    "skysentinel.vatsim."),
            "hub",
            List.of("skysentinel.hub."),
            "api",
            List.of("http.server.requests", "skysentinel.ratelimit.", "skysentinel.admin.", "skysentinel.playback."),
            "websocket",
            List.of("skysentinel.ws."),
            "history",
            List.of("skysentinel.history.", "skysentinel.kafka.history."),
            "kafka",
            List.of(
                    "skysentinel.kafka.publish",
                    "skysentinel.kafka.follower.",
                    "skysentinel.kafka.published",
                    "skysentinel.kafka.deadletter",
                    "skysentinel.kafka.ingest.",
                    "skysentinel.kafka.events."),
            "analytics",
            List.of("skysentinel.analytics."),
            "database_pool",
            List.of("hikaricp.", "jdbc.connections."));

    /**
     * @param heapUsedBytes    heap in use now
     * @param heapMaxBytes     the heap's bound (-Xmx); -1 when the JVM has none
     * @param nonHeapUsedBytes metaspace, code cache and the like
     * @param threads          live threads
     */
    public record Memory(
            long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long nonHeapUsedBytes, int threads) {}

    /**
     * @param drops per meter that counts something lost or refused (dropped, evicted, rejected, trimmed, timed out),
     *              its total over all its tags; meters that count nothing yet are left out
     */
    public record Performance(
            Instant at,
            long uptimeS,
            Memory memory,
            Map<String, Double> drops,
            Map<String, List<MeterSummary.Series>> sections) {}

    private final MeterRegistry meters;
    private final Clock clock;

    public PerformanceController(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    @GetMapping("/api/performance/metrics")
    @Operation(summary = "Admin: ingest and API timings, queues and drops, database pool and memory in one JSON")
    public Performance metrics() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        var heap = mem.getHeapMemoryUsage();
        Memory memory = new Memory(
                heap.getUsed(),
                heap.getCommitted(),
                heap.getMax(),
                mem.getNonHeapMemoryUsage().getUsed(),
                ManagementFactory.getThreadMXBean().getThreadCount());
        long startMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        return new Performance(
                Instant.ofEpochMilli(clock.millis()),
                Math.max(0, (clock.millis() - startMs) / 1000),
                memory,
                MeterSummary.drops(meters),
                MeterSummary.sections(meters, SECTIONS));
    }
}
