package io.skysentinel.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Once a second from the start to the end of the window: scrapes the server's /metrics, prints a progress line, and
 * keeps the window's server maxima and CPU samples. At the first sample inside the window it takes the "before"
 * readings that the summary subtracts from the "after" ones.
 * The fields are written by the sampler thread only and read after {@link #stop()} (its join makes them visible).
 */
final class ServerSampler {

    private final LoadOptions o;
    private final LoadStats s;
    private final MetricsScraper metrics;
    private final long t0, windowStart, windowEnd;
    private Thread thread;

    final List<Double> cpuSamples = new ArrayList<>(); // also locked: read by the summary
    double heapMax;
    int serverClientsMax;
    PromSnapshot before = PromSnapshot.empty();
    final long[][] cpuBefore = new long[3][]; // machine, tool (self), server; null entries when unreadable
    long toolCpuBeforeNs;

    ServerSampler(LoadOptions o, LoadStats s, MetricsScraper metrics, long t0, long windowStart, long windowEnd) {
        this.o = o;
        this.s = s;
        this.metrics = metrics;
        this.t0 = t0;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("ws-load-sampler").start(this::loop);
    }

    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }

    private void loop() {
        long rampMs = o.ramp().toMillis();
        long next = t0 + 1000;
        boolean started = false;
        long lastToolNs = CpuReadings.toolCpuNs(), lastSampleNs = System.nanoTime();
        long[] lastMachine = CpuReadings.machineCpu();
        while (true) {
            long wait = next - System.currentTimeMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            long now = System.currentTimeMillis();
            if (now >= windowEnd) return;
            PromSnapshot p = metrics.scrape();
            boolean in = now >= windowStart;
            if (in && !started) {
                started = true;
                before = p;
                cpuBefore[0] = CpuReadings.machineCpu();
                cpuBefore[1] = CpuReadings.procCpu("self");
                cpuBefore[2] = o.serverPid() > 0 ? CpuReadings.procCpu(Long.toString(o.serverPid())) : null;
                toolCpuBeforeNs = CpuReadings.toolCpuNs();
            }
            double cpu = p.sum("process_cpu_usage");
            double heap = MetricsScraper.heapUsed(p);
            double srvClients = p.sum("skysentinel_ws_clients", "endpoint", "flights");
            if (in) {
                synchronized (cpuSamples) {
                    if (!Double.isNaN(cpu)) cpuSamples.add(cpu);
                }
                if (!Double.isNaN(heap)) heapMax = Math.max(heapMax, heap);
                if (!Double.isNaN(srvClients)) serverClientsMax = Math.max(serverClientsMax, (int) srvClients);
            }
            long bytes = s.bytesSecond.sumThenReset();
            long deltas = s.deltasSecond.sumThenReset();
            long maxLag = s.maxLagSecond.getAndSet(0);
            long toolNs = CpuReadings.toolCpuNs(), sampleNs = System.nanoTime();
            long[] machine = CpuReadings.machineCpu();
            double idle = Double.NaN;
            if (machine != null && lastMachine != null) {
                long total = 0;
                for (int i = 0; i < 8; i++) total += machine[i] - lastMachine[i];
                idle = total == 0 ? Double.NaN : 100.0 * (machine[3] - lastMachine[3]) / total;
            }
            System.out.printf(
                    "  t=%3ds %-7s open=%d failed=%d closed=%d recv=%.1f MB/s deltas=%d maxlag=%dms"
                            + " | server cpu=%.0f%% heap=%.0fMB clients=%.0f | tool cpu=%.2f cores, machine "
                            + "idle=%.0f%%%n",
                    (now - t0) / 1000,
                    in ? "measure" : (now < t0 + rampMs ? "ramp" : "warmup"),
                    s.open.get(),
                    s.failed.get(),
                    s.closedByServer.get(),
                    bytes / 1e6,
                    deltas,
                    maxLag,
                    cpu * 100,
                    heap / 1e6,
                    srvClients,
                    (double) (toolNs - lastToolNs) / Math.max(1, sampleNs - lastSampleNs),
                    idle);
            lastToolNs = toolNs;
            lastSampleNs = sampleNs;
            lastMachine = machine;
            next += 1000;
        }
    }
}
