package io.skysentinel.load;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;

/**
 * WebSocket push load tool: N clients of {@code /ws/flights} in one JVM, connected gradually, then measured for a
 * fixed time. Per frame it reads only {@code type}, {@code seq} and {@code time}
 * ({@link FrameHeader}); the rest is counted, not decoded. Delivery lag = receipt wall clock − frame {@code time}
 * (same machine, same clock), taken when the last byte of the frame arrived. Server figures come from
 * {@code /metrics}. Clients are plain sockets with a strict frame reader by default ({@code --client raw}: checks the
 * server's framing itself, one selector thread per {@code --threads}) or the JDK's {@link WebSocket}
 * ({@code --client jdk}). Everything is bounded: fixed duration, fixed-size histograms, no per-frame lists.
 *
 * <pre>
 * java -cp … io.skysentinel.load.WsLoadTool --url ws://127.0.0.1:8080/ws/flights --clients 1000 --format msgpack \
 *      --ramp 20s --warmup 10s --duration 60s --server http://127.0.0.1:8080 --poll-compare --summary out.json
 * </pre>
 * Exit code: 0, or 2 when fewer than 95 % of the clients connected, 1 on bad arguments.
 */
public final class WsLoadTool {

    private final LoadOptions o;
    private final LoadStats s = new LoadStats();
    private final MetricsScraper metrics;
    private final RunReport report;

    WsLoadTool(LoadOptions o) {
        this.o = o;
        this.metrics = new MetricsScraper(o.server());
        this.report = new RunReport(o);
    }

    public static void main(String[] args) throws Exception {
        LoadOptions o;
        try {
            o = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: WsLoadTool [--url ws://127.0.0.1:8080/ws/flights] [--clients N] [--format json|msgpack]"
                            + " [--duration 60s] [--ramp 20s] [--warmup 10s] [--server http://127.0.0.1:8080] "
                            + "[--poll-compare]"
                            + " [--summary file.json] [--http-clients 4] [--threads 4] [--server-pid PID] [--label "
                            + "name] [--client raw|jdk] [--region-deg D] [--compress none|deflate]");
            System.exit(1);
            return;
        }
        System.exit(new WsLoadTool(o).run());
    }

    int run() throws Exception {
        long t0 = System.currentTimeMillis();
        long rampMs = o.ramp().toMillis();
        long windowStart = t0 + rampMs + o.warmup().toMillis();
        long windowEnd = windowStart + o.duration().toMillis();
        URI uri = o.wsUri();
        System.out.printf(
                "ws-load %s: %d %s clients of %s, ramp %ds, warm-up %ds, measured %ds%n",
                o.label(),
                o.clients(),
                o.format(),
                uri,
                o.ramp().toSeconds(),
                o.warmup().toSeconds(),
                o.duration().toSeconds());

        LoadClients clients = o.client().equals("jdk") ? new ClientPool(o, s) : new RawClientPool(o, s);
        ServerSampler sampler = new ServerSampler(o, s, metrics, t0, windowStart, windowEnd);
        sampler.start();
        PollingBaseline poll = new PollingBaseline(o.server(), windowStart, windowEnd);
        if (o.pollCompare()) poll.start();

        clients.connectOverRamp(uri, t0, windowStart, windowEnd);
        long rampDone = System.currentTimeMillis();
        System.out.printf("  connects issued in %.1fs%n", (rampDone - t0) / 1000.0);

        // Wait for the window to end; the "after" readings are taken before anything is stopped or closed.
        long untilEnd = windowEnd - System.currentTimeMillis();
        if (untilEnd > 0) Thread.sleep(untilEnd);
        int openAtEnd = s.open.get();
        int withoutDelta = clients.withoutDeltaInWindow();
        PromSnapshot after = metrics.scrape();
        long[] machineAfter = CpuReadings.machineCpu(), selfAfter = CpuReadings.procCpu("self");
        long[] serverAfter = o.serverPid() > 0 ? CpuReadings.procCpu(Long.toString(o.serverPid())) : null;
        long toolCpuAfterNs = CpuReadings.toolCpuNs();
        sampler.stop();
        poll.stop();
        clients.closeAll();

        double measuredS = o.duration().toMillis() / 1000.0;
        Map<String, Object> out = new RunSummary(o, s)
                .build(
                        measuredS,
                        openAtEnd,
                        withoutDelta,
                        sampler,
                        after,
                        machineAfter,
                        selfAfter,
                        serverAfter,
                        (toolCpuAfterNs - sampler.toolCpuBeforeNs) / 1e9,
                        poll);
        report.writeJson(out);
        report.print(out);
        System.out.println("summary: " + o.summary().toAbsolutePath());
        int ok = s.connected.get();
        if (ok < Math.ceil(0.95 * o.clients())) {
            System.out.printf("FAIL: only %d of %d clients connected (< 95 %%)%n", ok, o.clients());
            return 2;
        }
        return 0;
    }
}
