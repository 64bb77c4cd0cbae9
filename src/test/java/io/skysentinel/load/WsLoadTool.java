package io.skysentinel.load;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * WebSocket push load tool: N clients of {@code /ws/flights} in one JVM (the JDK's {@link WebSocket}), connected
 * gradually, then measured for a fixed time. Per frame it reads only {@code type}, {@code seq} and {@code time}
 * ({@link FrameHeader}); the rest is counted, not decoded. Delivery lag = receipt wall clock − frame {@code time}
 * (same machine, same clock), taken when the last byte of the frame arrived. Server figures come from
 * {@code /metrics}. Everything is bounded: fixed duration, fixed-size histograms, no per-frame lists.
 *
 * <pre>
 * java -cp … io.skysentinel.load.WsLoadTool --url ws://127.0.0.1:8080/ws/flights --clients 1000 --format msgpack \
 *      --ramp 20s --warmup 10s --duration 60s --server http://127.0.0.1:8080 --poll-compare --summary out.json
 * </pre>
 * Exit code: 0, or 2 when fewer than 95 % of the clients connected, 1 on bad arguments.
 */
public final class WsLoadTool {

    // ---------------------------------------------------------------- options

    record Options(String url, int clients, String format, Duration duration, Duration ramp, Duration warmup,
                   String server, boolean pollCompare, Path summary, int httpClients, int threads, long serverPid,
                   int maxPendingConnects, String label) {

        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            boolean poll = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
                String key = a.substring(2);
                String value = null;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                }
                if (key.equals("poll-compare")) {
                    poll = value == null || Boolean.parseBoolean(value);
                    continue;
                }
                if (key.equals("help")) throw new IllegalArgumentException("usage");
                if (value == null) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("--" + key + " needs a value");
                    value = args[++i];
                }
                m.put(key, value);
            }
            for (String k : m.keySet()) {
                if (!List.of("url", "clients", "format", "duration", "ramp", "warmup", "server", "summary",
                        "http-clients", "threads", "server-pid", "max-pending-connects", "label").contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k);
                }
            }
            String format = m.getOrDefault("format", "json");
            if (!format.equals("json") && !format.equals("msgpack")) throw new IllegalArgumentException("--format json|msgpack");
            int clients = Integer.parseInt(m.getOrDefault("clients", "100"));
            if (clients < 1) throw new IllegalArgumentException("--clients must be ≥ 1");
            return new Options(m.getOrDefault("url", "ws://127.0.0.1:8080/ws/flights"), clients, format,
                    duration(m.getOrDefault("duration", "60s")), duration(m.getOrDefault("ramp", "20s")),
                    duration(m.getOrDefault("warmup", "10s")), m.getOrDefault("server", "http://127.0.0.1:8080"), poll,
                    Path.of(m.getOrDefault("summary", "target/ws-load-summary.json")),
                    Integer.parseInt(m.getOrDefault("http-clients", "4")), Integer.parseInt(m.getOrDefault("threads", "4")),
                    Long.parseLong(m.getOrDefault("server-pid", "0")),
                    Integer.parseInt(m.getOrDefault("max-pending-connects", "200")),
                    m.getOrDefault("label", clients + "-" + format));
        }

        /** {@code 60s}, {@code 500ms}, {@code 2m}, or plain seconds. */
        static Duration duration(String s) {
            s = s.strip().toLowerCase(Locale.ROOT);
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            if (s.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            if (s.endsWith("m")) return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000));
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        }

        URI wsUri() {
            if (!format.equals("msgpack")) return URI.create(url);
            return URI.create(url + (url.contains("?") ? "&" : "?") + "format=msgpack");
        }
    }

    // ---------------------------------------------------------------- shared counters

    /** Everything the clients count, shared; histograms and adders are thread-safe. */
    static final class Stats {
        final AtomicInteger connected = new AtomicInteger(), failed = new AtomicInteger(), open = new AtomicInteger();
        final AtomicInteger closedByServer = new AtomicInteger(), errors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        final AtomicInteger errorSamples = new AtomicInteger();
        final Map<Integer, AtomicInteger> closeCodes = new java.util.concurrent.ConcurrentHashMap<>();
        // in the measured window
        final LongAdder bytesWindow = new LongAdder();
        final LongAdder snapshots = new LongAdder(), deltas = new LongAdder(), statuses = new LongAdder(),
                errorFrames = new LongAdder(), otherFrames = new LongAdder(), headerMisses = new LongAdder();
        final LongAdder gapsWindow = new LongAdder(), resyncsWindow = new LongAdder();
        final LagHistogram deltaLag = new LagHistogram(), deltaFirstByteLag = new LagHistogram(),
                statusLag = new LagHistogram(), snapshotLag = new LagHistogram();
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

    // ---------------------------------------------------------------- one client

    /** One WebSocket client. The JDK calls a listener's methods one at a time, so its fields need no locking. */
    static final class Client implements WebSocket.Listener {
        private static final int PREFIX_CAP = 4096;

        private final Stats s;
        private final long windowStart, windowEnd;
        private final boolean binary;
        private final byte[] prefix = new byte[PREFIX_CAP];
        private int prefixLen;
        private FrameHeader header;
        private boolean headerGivenUp;
        private long firstPartMs = -1;
        private long lastSeq = Long.MIN_VALUE;
        private boolean sawSnapshot;
        private long deltasInWindow;
        volatile WebSocket ws;
        volatile boolean closed;          // by the server, by an error, or at the end
        volatile boolean closingByUs;     // our close handshake at the end: its answer is not a server close

        Client(Stats s, long windowStart, long windowEnd, boolean binary) {
            this.s = s;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.binary = binary;
        }

        private boolean inWindow(long now) {
            return now >= windowStart && now < windowEnd;
        }

        @Override
        public void onOpen(WebSocket ws) {
            this.ws = ws;
            s.open.incrementAndGet();
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            long now = System.currentTimeMillis();
            int n = data.remaining();
            if (firstPartMs < 0) firstPartMs = now;
            if (header == null && !headerGivenUp) {
                int take = Math.min(n, PREFIX_CAP - prefixLen);
                data.get(data.position(), prefix, prefixLen, take);
                prefixLen += take;
                peek();
            }
            part(n, now, last);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.currentTimeMillis();
            // JSON frames are ASCII in practice; bytes counted as chars (the server's own byte counter is reported too).
            int n = data.length();
            if (firstPartMs < 0) firstPartMs = now;
            if (header == null && !headerGivenUp) {
                int take = Math.min(n, PREFIX_CAP - prefixLen);
                for (int i = 0; i < take; i++) {
                    char c = data.charAt(i);
                    prefix[prefixLen++] = (byte) (c < 0x80 ? c : '?');
                }
                peek();
            }
            part(n, now, last);
            ws.request(1);
            return null;
        }

        private void peek() {
            try {
                header = binary ? FrameHeader.peekMsgpack(prefix, 0, prefixLen) : FrameHeader.peekJson(prefix, 0, prefixLen);
            } catch (IllegalArgumentException e) {
                headerGivenUp = true;
                s.error("bad frame: " + e.getMessage());
            }
            if (header == null && prefixLen >= PREFIX_CAP) headerGivenUp = true;
        }

        private void part(int n, long now, boolean last) {
            s.bytesTotal.add(n);
            s.bytesSecond.add(n);
            if (inWindow(now)) s.bytesWindow.add(n);
            if (last) complete(now);
        }

        private void complete(long now) {
            boolean in = inWindow(now);
            s.framesTotal.increment();
            FrameHeader h = header;
            long first = firstPartMs;
            header = null;
            headerGivenUp = false;
            prefixLen = 0;
            firstPartMs = -1;
            if (h == null || h.type() == null) {
                if (in) s.headerMisses.increment();
                return;
            }
            long lag = h.timeMs() == FrameHeader.NONE ? -1 : now - h.timeMs();
            switch (h.type()) {
                case "snapshot" -> {
                    if (sawSnapshot) {
                        s.resyncsTotal.increment();
                        if (in) s.resyncsWindow.increment();
                    } else {
                        s.initialSnapshots.increment();
                    }
                    sawSnapshot = true;
                    lastSeq = h.seq();
                    if (in) {
                        s.snapshots.increment();
                        if (lag >= 0) s.snapshotLag.record(lag);
                    }
                }
                case "delta" -> {
                    if (!sawSnapshot) {
                        s.deltaBeforeSnapshot.increment();
                    } else if (h.seq() != lastSeq + 1) {
                        s.gapsTotal.increment();
                        if (in) s.gapsWindow.increment();
                    }
                    lastSeq = h.seq();
                    s.deltasSecond.increment();
                    if (lag >= 0) s.maxLagSecond.accumulateAndGet(lag, Math::max);
                    if (in) {
                        s.deltas.increment();
                        deltasInWindow++;
                        if (lag >= 0) {
                            s.deltaLag.record(lag);
                            s.deltaFirstByteLag.record(first - h.timeMs());
                        }
                    }
                }
                case "status" -> {
                    if (in) {
                        s.statuses.increment();
                        if (lag >= 0) s.statusLag.record(lag);
                    }
                }
                case "error" -> {
                    if (in) s.errorFrames.increment();
                    s.error("error frame received");
                }
                default -> {
                    if (in) s.otherFrames.increment();
                }
            }
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            s.pings.increment(); // the JDK answers with a pong itself
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (!closed && !closingByUs) {
                closed = true;
                s.open.decrementAndGet();
                s.closedByServer.incrementAndGet();
                s.closeCodes.computeIfAbsent(statusCode, k -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (closingByUs) return;
            s.errors.incrementAndGet();
            s.error("socket error: " + error + (error.getCause() != null ? " caused by " + error.getCause() : ""));
            if (!closed) {
                closed = true;
                s.open.decrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------- CPU figures from /proc

    /** utime+stime of a process in clock ticks (USER_HZ = 100 on Linux), or -1. */
    static long[] procCpu(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12])}; // fields 14, 15: utime, stime
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The machine's "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal, in ticks. */
    static long[] machineCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.strip().split("\\s+");
                    long[] v = new long[8];
                    for (int i = 0; i < 8; i++) v[i] = Long.parseLong(f[i + 1]);
                    return v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    // ---------------------------------------------------------------- the run

    private final Options o;
    private final Stats s = new Stats();
    private final HttpClient metricsHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    WsLoadTool(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: WsLoadTool [--url ws://127.0.0.1:8080/ws/flights] [--clients N] [--format json|msgpack]"
                    + " [--duration 60s] [--ramp 20s] [--warmup 10s] [--server http://127.0.0.1:8080] [--poll-compare]"
                    + " [--summary file.json] [--http-clients 4] [--threads 4] [--server-pid PID] [--label name]");
            System.exit(1);
            return;
        }
        System.exit(new WsLoadTool(o).run());
    }

    private PromSnapshot scrape() {
        try {
            HttpResponse<String> r = metricsHttp.send(HttpRequest.newBuilder(URI.create(o.server() + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? PromSnapshot.parse(r.body()) : PromSnapshot.empty();
        } catch (IOException e) {
            return PromSnapshot.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PromSnapshot.empty();
        }
    }

    private static double heapUsed(PromSnapshot p) {
        return p.sum("jvm_memory_used_bytes", "area", "heap");
    }

    int run() throws Exception {
        long t0 = System.currentTimeMillis();
        long rampMs = o.ramp().toMillis();
        long windowStart = t0 + rampMs + o.warmup().toMillis();
        long windowEnd = windowStart + o.duration().toMillis();
        URI uri = o.wsUri();
        System.out.printf("ws-load %s: %d %s clients of %s, ramp %ds, warm-up %ds, measured %ds%n", o.label(), o.clients(),
                o.format(), uri, o.ramp().toSeconds(), o.warmup().toSeconds(), o.duration().toSeconds());

        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "ws-load-io");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), daemon);
        List<HttpClient> https = new ArrayList<>();
        for (int i = 0; i < Math.max(1, o.httpClients()); i++) {
            https.add(HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(15)).build());
        }
        List<Client> clients = new ArrayList<>(o.clients());

        // Server and CPU sampling, once a second, from start to the end of the window.
        List<Double> cpuSamples = new ArrayList<>();
        double[] heapMax = {0};
        int[] serverClientsMax = {0};
        PromSnapshot[] before = {PromSnapshot.empty()};
        long[][] cpuBefore = new long[3][];
        long[] toolCpuBeforeNs = {0};
        Thread sampler = Thread.ofPlatform().daemon().name("ws-load-sampler").start(() -> {
            long next = t0 + 1000;
            boolean started = false;
            long lastToolNs = toolCpuNs(), lastSampleNs = System.nanoTime();
            long[] lastMachine = machineCpu();
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
                PromSnapshot p = scrape();
                boolean in = now >= windowStart;
                if (in && !started) {
                    started = true;
                    before[0] = p;
                    cpuBefore[0] = machineCpu();
                    cpuBefore[1] = procCpu("self");
                    cpuBefore[2] = o.serverPid() > 0 ? procCpu(Long.toString(o.serverPid())) : null;
                    toolCpuBeforeNs[0] = toolCpuNs();
                }
                double cpu = p.sum("process_cpu_usage");
                double heap = heapUsed(p);
                double srvClients = p.sum("skysentinel_ws_clients", "endpoint", "flights");
                if (in) {
                    synchronized (cpuSamples) {
                        if (!Double.isNaN(cpu)) cpuSamples.add(cpu);
                    }
                    if (!Double.isNaN(heap)) heapMax[0] = Math.max(heapMax[0], heap);
                    if (!Double.isNaN(srvClients)) serverClientsMax[0] = Math.max(serverClientsMax[0], (int) srvClients);
                }
                long bytes = s.bytesSecond.sumThenReset();
                long deltas = s.deltasSecond.sumThenReset();
                long maxLag = s.maxLagSecond.getAndSet(0);
                long toolNs = toolCpuNs(), sampleNs = System.nanoTime();
                long[] machine = machineCpu();
                double idle = Double.NaN;
                if (machine != null && lastMachine != null) {
                    long total = 0;
                    for (int i = 0; i < 8; i++) total += machine[i] - lastMachine[i];
                    idle = total == 0 ? Double.NaN : 100.0 * (machine[3] - lastMachine[3]) / total;
                }
                System.out.printf("  t=%3ds %-7s open=%d failed=%d closed=%d recv=%.1f MB/s deltas=%d maxlag=%dms"
                                + " | server cpu=%.0f%% heap=%.0fMB clients=%.0f | tool cpu=%.2f cores, machine idle=%.0f%%%n",
                        (now - t0) / 1000, in ? "measure" : (now < t0 + rampMs ? "ramp" : "warmup"), s.open.get(),
                        s.failed.get(), s.closedByServer.get(), bytes / 1e6, deltas, maxLag, cpu * 100, heap / 1e6, srvClients,
                        (double) (toolNs - lastToolNs) / Math.max(1, sampleNs - lastSampleNs), idle);
                lastToolNs = toolNs;
                lastSampleNs = sampleNs;
                lastMachine = machine;
                next += 1000;
            }
        });

        // Polling baseline: one client, GET the full list once a second during the window.
        LongAdder pollBytes = new LongAdder();
        AtomicInteger polls = new AtomicInteger(), pollFailures = new AtomicInteger();
        LagHistogram pollLatency = new LagHistogram();
        Thread poller = null;
        if (o.pollCompare()) {
            HttpClient pollHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI pollUri = URI.create(o.server() + "/api/flights?limit=100000");
            poller = Thread.ofPlatform().daemon().name("ws-load-poller").start(() -> {
                long next = windowStart;
                byte[] sink = new byte[64 * 1024];
                while (true) {
                    long wait = next - System.currentTimeMillis();
                    try {
                        if (wait > 0) Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (System.currentTimeMillis() >= windowEnd) return;
                    long start = System.nanoTime();
                    try {
                        HttpResponse<InputStream> r = pollHttp.send(HttpRequest.newBuilder(pollUri)
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
                        long n = 0;
                        try (InputStream in = r.body()) {
                            int k;
                            while ((k = in.read(sink)) > 0) n += k;
                        }
                        if (r.statusCode() == 200) {
                            pollBytes.add(n);
                            polls.incrementAndGet();
                            pollLatency.record((System.nanoTime() - start) / 1_000_000);
                        } else {
                            pollFailures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        pollFailures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    next += 1000;
                    while (next < System.currentTimeMillis()) next += 1000; // a slow poll skips slots, never bunches
                }
            });
        }

        // Connect gradually over the ramp, at most maxPendingConnects handshakes in flight.
        Semaphore pending = new Semaphore(Math.max(1, o.maxPendingConnects()));
        List<CompletableFuture<WebSocket>> connects = new ArrayList<>(o.clients());
        int notAttempted = 0;
        for (int i = 0; i < o.clients(); i++) {
            long due = t0 + (o.clients() == 1 ? 0 : rampMs * i / o.clients());
            long wait = due - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            // A connect not even started by the end of the warm-up (the server stopped answering handshakes, so every
            // slot is taken) is given up: the run stays bounded and such clients count as failed.
            long left = windowStart - System.currentTimeMillis();
            if (left <= 0 || !pending.tryAcquire(left, TimeUnit.MILLISECONDS)) {
                notAttempted = o.clients() - i;
                s.failed.addAndGet(notAttempted);
                s.error(notAttempted + " connects not started by the end of the warm-up (" + o.maxPendingConnects()
                        + " handshakes pending)");
                break;
            }
            Client c = new Client(s, windowStart, windowEnd, o.format().equals("msgpack"));
            clients.add(c);
            HttpClient http = https.get(i % https.size());
            CompletableFuture<WebSocket> f = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(15))
                    .buildAsync(uri, c)
                    .whenComplete((ws, e) -> {
                        pending.release();
                        if (e != null) {
                            s.failed.incrementAndGet();
                            s.error("connect failed: " + (e.getCause() != null ? e.getCause() : e));
                        } else {
                            s.connected.incrementAndGet();
                        }
                    });
            connects.add(f);
        }
        long rampDone = System.currentTimeMillis();
        System.out.printf("  connects issued in %.1fs%n", (rampDone - t0) / 1000.0);

        // Wait for the window to end.
        long untilEnd = windowEnd - System.currentTimeMillis();
        if (untilEnd > 0) Thread.sleep(untilEnd);
        int openAtEnd = s.open.get();
        int withoutDelta = 0;
        for (Client c : clients) if (c.ws != null && c.deltasInWindow == 0) withoutDelta++; // read racily: a count, not a proof
        PromSnapshot after = scrape();
        long[] machineAfter = machineCpu(), selfAfter = procCpu("self");
        long[] serverAfter = o.serverPid() > 0 ? procCpu(Long.toString(o.serverPid())) : null;
        long toolCpuAfterNs = toolCpuNs();
        sampler.interrupt();
        sampler.join(5000);
        if (poller != null) {
            poller.interrupt();
            poller.join(12_000);
        }

        // Close every client: a close handshake, then abort whatever is left after 5 s.
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (Client c : clients) {
            c.closingByUs = true;
            WebSocket ws = c.ws;
            if (ws != null && !ws.isOutputClosed()) {
                closing.add(ws.sendClose(WebSocket.NORMAL_CLOSURE, "load test done").toCompletableFuture()
                        .exceptionally(e -> null));
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // some did not answer in time: aborted below
        }
        for (Client c : clients) {
            c.closed = true;
            if (c.ws != null) c.ws.abort();
        }
        for (CompletableFuture<WebSocket> f : connects) f.cancel(true);
        pool.shutdownNow();

        double measuredS = o.duration().toMillis() / 1000.0;
        Map<String, Object> out = summary(measuredS, openAtEnd, withoutDelta, before[0], after, cpuSamples, heapMax[0],
                serverClientsMax[0], cpuBefore, machineAfter, selfAfter, serverAfter,
                (toolCpuAfterNs - toolCpuBeforeNs[0]) / 1e9, polls.get(), pollFailures.get(), pollBytes.sum(), pollLatency);
        if (o.summary().getParent() != null) Files.createDirectories(o.summary().getParent());
        Files.writeString(o.summary(), json.writeValueAsString(out));
        report(out);
        System.out.println("summary: " + o.summary().toAbsolutePath());
        int ok = s.connected.get();
        if (ok < Math.ceil(0.95 * o.clients())) {
            System.out.printf("FAIL: only %d of %d clients connected (< 95 %%)%n", ok, o.clients());
            return 2;
        }
        return 0;
    }

    private static long toolCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Map<String, Object> lag(LagHistogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.count());
        m.put("p50", h.percentile(50));
        m.put("p90", h.percentile(90));
        m.put("p99", h.percentile(99));
        m.put("p999", h.percentile(99.9));
        m.put("max", h.max());
        m.put("mean", round(h.mean(), 1));
        if (h.negatives() > 0) m.put("negative_clamped", h.negatives());
        return m;
    }

    private static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return v;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static double delta(PromSnapshot b, PromSnapshot a, String name, String... match) {
        double x = a.sum(name, match), y = b.sum(name, match);
        if (Double.isNaN(x)) return Double.NaN;
        return x - (Double.isNaN(y) ? 0 : y);
    }

    private Map<String, Object> summary(double measuredS, int openAtEnd, int withoutDelta, PromSnapshot before, PromSnapshot after,
                                        List<Double> cpuSamples, double heapMax, int serverClientsMax, long[][] cpuBefore,
                                        long[] machineAfter, long[] selfAfter, long[] serverAfter, double toolCpuS,
                                        int polls, int pollFailures, long pollBytes, LagHistogram pollLatency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", o.label());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("url", o.wsUri().toString());
        cfg.put("clients", o.clients());
        cfg.put("format", o.format());
        cfg.put("ramp_s", o.ramp().toMillis() / 1000.0);
        cfg.put("warmup_s", o.warmup().toMillis() / 1000.0);
        cfg.put("duration_s", measuredS);
        cfg.put("http_clients", o.httpClients());
        cfg.put("threads", o.threads());
        cfg.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("config", cfg);

        Map<String, Object> cl = new LinkedHashMap<>();
        cl.put("requested", o.clients());
        cl.put("connected", s.connected.get());
        cl.put("failed", s.failed.get());
        cl.put("closed_by_server", s.closedByServer.get());
        cl.put("close_codes", new TreeMap<>(s.closeCodes));
        cl.put("errors", s.errors.get());
        cl.put("open_at_end", openAtEnd);
        cl.put("connected_without_delta_in_window", withoutDelta);
        cl.put("server_clients_max", serverClientsMax);
        cl.put("first_errors", new ArrayList<>(s.firstErrors));
        out.put("clients", cl);

        Map<String, Object> fr = new LinkedHashMap<>();
        fr.put("snapshot", s.snapshots.sum());
        fr.put("delta", s.deltas.sum());
        fr.put("status", s.statuses.sum());
        fr.put("error", s.errorFrames.sum());
        fr.put("other", s.otherFrames.sum());
        fr.put("header_not_found", s.headerMisses.sum());
        fr.put("all_frames_whole_run", s.framesTotal.sum());
        fr.put("pings_whole_run", s.pings.sum());
        out.put("frames_in_window", fr);

        Map<String, Object> lags = new LinkedHashMap<>();
        lags.put("delta", lag(s.deltaLag));
        lags.put("delta_first_byte", lag(s.deltaFirstByteLag));
        lags.put("status", lag(s.statusLag));
        lags.put("snapshot", lag(s.snapshotLag));
        out.put("lag_ms", lags);

        int n = Math.max(1, s.connected.get());
        double perClient = s.bytesWindow.sum() / (double) n / measuredS;
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("window_total", s.bytesWindow.sum());
        by.put("per_client_per_s", Math.round(perClient));
        by.put("whole_run_total", s.bytesTotal.sum());
        double srvBytes = delta(before, after, "skysentinel_ws_bytes_total", "format", o.format());
        by.put("server_counted_per_client_per_s", Double.isNaN(srvBytes) ? null : Math.round(srvBytes / n / measuredS));
        out.put("bytes", by);

        Map<String, Object> sq = new LinkedHashMap<>();
        sq.put("gaps_window", s.gapsWindow.sum());
        sq.put("resyncs_seen_window", s.resyncsWindow.sum());
        sq.put("gaps_whole_run", s.gapsTotal.sum());
        sq.put("resyncs_seen_whole_run", s.resyncsTotal.sum());
        sq.put("initial_snapshots", s.initialSnapshots.sum());
        sq.put("delta_before_snapshot", s.deltaBeforeSnapshot.sum());
        out.put("seq", sq);

        Map<String, Object> sv = new LinkedHashMap<>();
        double cpuAvg, cpuMax;
        synchronized (cpuSamples) {
            cpuAvg = cpuSamples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            cpuMax = cpuSamples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            sv.put("cpu_samples", cpuSamples.size());
        }
        sv.put("process_cpu_usage_avg", round(cpuAvg, 3));
        sv.put("process_cpu_usage_max", round(cpuMax, 3));
        sv.put("heap_used_max_bytes", Math.round(heapMax));
        sv.put("heap_used_at_end_bytes", Math.round(heapUsed(after)));
        sv.put("resyncs_delta", delta(before, after, "skysentinel_ws_resyncs_total"));
        sv.put("dropped_frames_delta", delta(before, after, "skysentinel_ws_dropped_frames_total"));
        sv.put("rejected_delta", delta(before, after, "skysentinel_ws_rejected_total"));
        sv.put("gc_pause_s_delta", round(delta(before, after, "jvm_gc_pause_seconds_sum"), 3));
        sv.put("gc_pauses_delta", delta(before, after, "jvm_gc_pause_seconds_count"));
        sv.put("gc_concurrent_s_delta", round(delta(before, after, "jvm_gc_concurrent_phase_time_seconds_sum"), 3));
        sv.put("delivery_lag_s", serverHistogram(before, after, "skysentinel_ws_delivery_lag_seconds"));
        sv.put("tick_s", serverHistogram(before, after, "skysentinel_ws_tick_seconds"));
        out.put("server", sv);

        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("tool_cores", round(toolCpuS / measuredS, 2));
        if (cpuBefore[1] != null && selfAfter != null) {
            cpu.put("tool_user_cores", round((selfAfter[0] - cpuBefore[1][0]) / 100.0 / measuredS, 2));
            cpu.put("tool_sys_cores", round((selfAfter[1] - cpuBefore[1][1]) / 100.0 / measuredS, 2));
        }
        if (cpuBefore[2] != null && serverAfter != null) {
            cpu.put("server_user_cores", round((serverAfter[0] - cpuBefore[2][0]) / 100.0 / measuredS, 2));
            cpu.put("server_sys_cores", round((serverAfter[1] - cpuBefore[2][1]) / 100.0 / measuredS, 2));
        }
        if (cpuBefore[0] != null && machineAfter != null) {
            long[] d = new long[8];
            long total = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = machineAfter[i] - cpuBefore[0][i];
                total += d[i];
            }
            Map<String, Object> m = new LinkedHashMap<>();
            String[] names = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
            for (int i = 0; i < 8; i++) m.put(names[i] + "_pct", total == 0 ? 0 : round(100.0 * d[i] / total, 1));
            cpu.put("machine", m);
        }
        out.put("cpu", cpu);

        if (o.pollCompare()) {
            Map<String, Object> pl = new LinkedHashMap<>();
            pl.put("polls", polls);
            pl.put("failures", pollFailures);
            double perPoll = polls == 0 ? Double.NaN : pollBytes / (double) polls;
            pl.put("bytes_per_poll", Math.round(perPoll));
            pl.put("baseline_bytes_per_s", Math.round(perPoll)); // one full list a second
            pl.put("achieved_bytes_per_s", Math.round(pollBytes / measuredS));
            pl.put("latency_ms", lag(pollLatency));
            pl.put("ratio_push_over_poll", polls == 0 ? null : round(perClient / perPoll, 4));
            out.put("poll", pl);
        }
        return out;
    }

    private static Map<String, Object> serverHistogram(PromSnapshot before, PromSnapshot after, String base) {
        TreeMap<Double, Double> b = before.buckets(base), a = after.buckets(base);
        Map<String, Object> m = new LinkedHashMap<>();
        double count = delta(before, after, base + "_count");
        m.put("count", count);
        m.put("mean", count > 0 ? round(delta(before, after, base + "_sum") / count, 4) : null);
        m.put("p50_le", round(PromSnapshot.quantileBetween(b, a, 0.50), 4));
        m.put("p99_le", round(PromSnapshot.quantileBetween(b, a, 0.99), 4));
        m.put("p999_le", round(PromSnapshot.quantileBetween(b, a, 0.999), 4));
        m.put("over_0_5s", PromSnapshot.countAbove(b, a, 0.5));
        m.put("max_recent", after.sum(base + "_max"));
        return m;
    }

    @SuppressWarnings("unchecked")
    private void report(Map<String, Object> out) {
        Map<String, Object> cl = (Map<String, Object>) out.get("clients");
        Map<String, Object> fr = (Map<String, Object>) out.get("frames_in_window");
        Map<String, Object> lags = (Map<String, Object>) out.get("lag_ms");
        Map<String, Object> d = (Map<String, Object>) lags.get("delta");
        Map<String, Object> by = (Map<String, Object>) out.get("bytes");
        Map<String, Object> sq = (Map<String, Object>) out.get("seq");
        Map<String, Object> sv = (Map<String, Object>) out.get("server");
        Map<String, Object> cpu = (Map<String, Object>) out.get("cpu");
        System.out.println("---- result " + o.label());
        System.out.printf("clients   requested %s, connected %s, failed %s, closed by server %s, errors %s, open at end %s,"
                        + " without any delta in the window %s%n",
                cl.get("requested"), cl.get("connected"), cl.get("failed"), cl.get("closed_by_server"), cl.get("errors"),
                cl.get("open_at_end"), cl.get("connected_without_delta_in_window"));
        System.out.printf("frames    snapshot %s, delta %s, status %s, error %s, header not found %s%n", fr.get("snapshot"),
                fr.get("delta"), fr.get("status"), fr.get("error"), fr.get("header_not_found"));
        System.out.printf("lag ms    delta p50 %s, p90 %s, p99 %s, p99.9 %s, max %s (n=%s); first byte p99 %s; status p99 %s%n",
                d.get("p50"), d.get("p90"), d.get("p99"), d.get("p999"), d.get("max"), d.get("count"),
                ((Map<String, Object>) lags.get("delta_first_byte")).get("p99"),
                ((Map<String, Object>) lags.get("status")).get("p99"));
        System.out.printf("bytes     per client per s %s (server counted %s)%n", by.get("per_client_per_s"),
                by.get("server_counted_per_client_per_s"));
        System.out.printf("seq       gaps %s, resyncs seen %s (whole run: gaps %s, resyncs %s)%n", sq.get("gaps_window"),
                sq.get("resyncs_seen_window"), sq.get("gaps_whole_run"), sq.get("resyncs_seen_whole_run"));
        System.out.printf("server    cpu avg %s max %s, heap max %.0f MB, resyncs +%s, dropped +%s, gc pause +%ss, lag %s, tick %s%n",
                sv.get("process_cpu_usage_avg"), sv.get("process_cpu_usage_max"),
                ((Number) sv.get("heap_used_max_bytes")).doubleValue() / 1e6, sv.get("resyncs_delta"),
                sv.get("dropped_frames_delta"), sv.get("gc_pause_s_delta"), sv.get("delivery_lag_s"), sv.get("tick_s"));
        System.out.printf("cpu       %s%n", cpu);
        if (out.get("poll") instanceof Map<?, ?> pl) {
            System.out.printf("poll      %s polls, %s bytes per poll, latency %s; push/poll ratio %s%n", pl.get("polls"),
                    pl.get("bytes_per_poll"), ((Map<String, Object>) pl.get("latency_ms")).get("p50"),
                    pl.get("ratio_push_over_poll"));
        }
    }
}
