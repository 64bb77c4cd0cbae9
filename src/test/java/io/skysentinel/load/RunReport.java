package io.skysentinel.load;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands the summary out: as an indented JSON file ({@code bench/ws-summary.py} reads it) and as the stdout result
 * lines (people and {@code tool.log} read them), both from the same map so they cannot disagree.
 */
final class RunReport {

    private final LoadOptions o;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    RunReport(LoadOptions o) {
        this.o = o;
    }

    void writeJson(Map<String, Object> out) throws IOException {
        if (o.summary().getParent() != null) Files.createDirectories(o.summary().getParent());
        Files.writeString(o.summary(), json.writeValueAsString(out));
    }

    @SuppressWarnings("unchecked")
    void print(Map<String, Object> out) {
        Map<String, Object> cl = (Map<String, Object>) out.get("clients");
        Map<String, Object> fr = (Map<String, Object>) out.get("frames_in_window");
        Map<String, Object> lags = (Map<String, Object>) out.get("lag_ms");
        Map<String, Object> d = (Map<String, Object>) lags.get("delta");
        Map<String, Object> by = (Map<String, Object>) out.get("bytes");
        Map<String, Object> sq = (Map<String, Object>) out.get("seq");
        Map<String, Object> sv = (Map<String, Object>) out.get("server");
        Map<String, Object> cpu = (Map<String, Object>) out.get("cpu");
        System.out.println("---- result " + o.label());
        System.out.printf(
                "clients   requested %s, connected %s, failed %s, closed by server %s, errors %s, open at end %s,"
                        + " without any delta in the window %s%n",
                cl.get("requested"),
                cl.get("connected"),
                cl.get("failed"),
                cl.get("closed_by_server"),
                cl.get("errors"),
                cl.get("open_at_end"),
                cl.get("connected_without_delta_in_window"));
        System.out.printf(
                "frames    snapshot %s, delta %s, status %s, error %s, header not found %s%n",
                fr.get("snapshot"), fr.get("delta"), fr.get("status"), fr.get("error"), fr.get("header_not_found"));
        System.out.printf(
                "lag ms    delta p50 %s, p90 %s, p99 %s, p99.9 %s, max %s (n=%s); first byte p99 %s; status p99 %s%n",
                d.get("p50"),
                d.get("p90"),
                d.get("p99"),
                d.get("p999"),
                d.get("max"),
                d.get("count"),
                ((Map<String, Object>) lags.get("delta_first_byte")).get("p99"),
                ((Map<String, Object>) lags.get("status")).get("p99"));
        System.out.printf(
                "bytes     per client per s %s (server counted %s)%n",
                by.get("per_client_per_s"), by.get("server_counted_per_client_per_s"));
        System.out.printf(
                "seq       gaps %s, resyncs seen %s (whole run: gaps %s, resyncs %s)%n",
                sq.get("gaps_window"),
                sq.get("resyncs_seen_window"),
                sq.get("gaps_whole_run"),
                sq.get("resyncs_seen_whole_run"));
        System.out.printf(
                "server    cpu avg %s max %s, heap max %.0f MB, resyncs +%s, dropped +%s, gc pause +%ss, lag %s, tick "
                        + "%s%n",
                sv.get("process_cpu_usage_avg"),
                sv.get("process_cpu_usage_max"),
                ((Number) sv.get("heap_used_max_bytes")).doubleValue() / 1e6,
                sv.get("resyncs_delta"),
                sv.get("dropped_frames_delta"),
                sv.get("gc_pause_s_delta"),
                sv.get("delivery_lag_s"),
                sv.get("tick_s"));
        System.out.printf("cpu       %s%n", cpu);
        if (out.get("poll") instanceof Map<?, ?> pl) {
            System.out.printf(
                    "poll      %s polls, %s bytes per poll, latency %s; push/poll ratio %s%n",
                    pl.get("polls"),
                    pl.get("bytes_per_poll"),
                    ((Map<String, Object>) pl.get("latency_ms")).get("p50"),
                    pl.get("ratio_push_over_poll"));
        }
    }
}
