package io.skysentinel.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's summary as ordered maps: written as JSON and read back by {@code bench/ws-summary.py}, so its keys and
 * nesting are an interface. Rates are per second of the measured window.
 */
final class RunSummary {

    private final LoadOptions o;
    private final LoadStats s;

    RunSummary(LoadOptions o, LoadStats s) {
        this.o = o;
        this.s = s;
    }

    /** The "after" readings were taken at the end of the window; the "before" ones are the sampler's. */
    Map<String, Object> build(
            double measuredS,
            int openAtEnd,
            int withoutDelta,
            ServerSampler sampler,
            PromSnapshot after,
            long[] machineAfter,
            long[] selfAfter,
            long[] serverAfter,
            double toolCpuS,
            PollingBaseline poll) {
        PromSnapshot before = sampler.before;
        int serverClientsMax = sampler.serverClientsMax;
        long[][] cpuBefore = sampler.cpuBefore;
        int polls = poll.polls.get(), pollFailures = poll.failures.get();
        long pollBytes = poll.bytes.sum();
        LagHistogram pollLatency = poll.latency;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", o.label());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("url", o.wsUri().toString());
        cfg.put("clients", o.clients());
        cfg.put("format", o.format());
        cfg.put("client", o.client());
        cfg.put("compress", o.deflate() ? "deflate" : "none");
        cfg.put("region_deg", o.regionDeg());
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
        double srvBytes = ServerFigures.delta(
                before,
                after,
                "skysentinel_ws_bytes_total",
                "format",
                o.wireFormat().name().toLowerCase(java.util.Locale.ROOT));
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

        out.put("server", ServerFigures.server(sampler, after));

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

    static Map<String, Object> lag(LagHistogram h) {
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

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return v;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
