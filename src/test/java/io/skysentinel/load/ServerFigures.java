package io.skysentinel.load;

import static io.skysentinel.load.RunSummary.round;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The summary's "server" section: the sampler's window figures and /metrics differences between before and after. */
final class ServerFigures {

    private ServerFigures() {}

    static Map<String, Object> server(ServerSampler sampler, PromSnapshot after) {
        PromSnapshot before = sampler.before;
        List<Double> cpuSamples = sampler.cpuSamples;
        double heapMax = sampler.heapMax;
        Map<String, Object> sv = new LinkedHashMap<>();
        double cpuAvg, cpuMax;
        synchronized (cpuSamples) {
            cpuAvg = cpuSamples.stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(Double.NaN);
            cpuMax = cpuSamples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            sv.put("cpu_samples", cpuSamples.size());
        }
        sv.put("process_cpu_usage_avg", round(cpuAvg, 3));
        sv.put("process_cpu_usage_max", round(cpuMax, 3));
        sv.put("heap_used_max_bytes", Math.round(heapMax));
        sv.put("heap_used_at_end_bytes", Math.round(MetricsScraper.heapUsed(after)));
        sv.put("resyncs_delta", delta(before, after, "skysentinel_ws_resyncs_total"));
        sv.put("dropped_frames_delta", delta(before, after, "skysentinel_ws_dropped_frames_total"));
        sv.put("rejected_delta", delta(before, after, "skysentinel_ws_rejected_total"));
        sv.put("gc_pause_s_delta", round(delta(before, after, "jvm_gc_pause_seconds_sum"), 3));
        sv.put("gc_pauses_delta", delta(before, after, "jvm_gc_pause_seconds_count"));
        sv.put("gc_concurrent_s_delta", round(delta(before, after, "jvm_gc_concurrent_phase_time_seconds_sum"), 3));
        sv.put("delivery_lag_s", serverHistogram(before, after, "skysentinel_ws_delivery_lag_seconds"));
        sv.put("tick_s", serverHistogram(before, after, "skysentinel_ws_tick_seconds"));
        return sv;
    }

    static double delta(PromSnapshot b, PromSnapshot a, String name, String... match) {
        double x = a.sum(name, match), y = b.sum(name, match);
        if (Double.isNaN(x)) return Double.NaN;
        return x - (Double.isNaN(y) ? 0 : y);
    }

    static Map<String, Object> serverHistogram(PromSnapshot before, PromSnapshot after, String base) {
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
}
