package io.skysentinel.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Meters as plain JSON rows for /api/performance/metrics: one row per meter and tag set. */
final class MeterSummary {

    private MeterSummary() {}

    /**
     * One meter with one set of tags. {@code count} for counters and timers, {@code value} for gauges; timers also
     * {@code total_ms}, {@code mean_ms} and {@code max_ms} (the max over the registry's recent window).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(
            String name,
            Map<String, String> tags,
            String type,
            Double count,
            Double value,
            Double totalMs,
            Double meanMs,
            Double maxMs) {}

    static final Pattern DROP = Pattern.compile("dropped|evict|rejected|trimmed|timeouts|failures|errors|deadletter");

    static Map<String, List<Series>> sections(MeterRegistry meters, Map<String, List<String>> prefixes) {
        Map<String, List<Series>> out = new TreeMap<>();
        prefixes.forEach((section, names) -> out.put(section, new ArrayList<>()));
        for (Meter m : meters.getMeters()) {
            String name = m.getId().getName();
            prefixes.forEach((section, names) -> {
                if (names.stream().anyMatch(name::startsWith)) out.get(section).add(series(m));
            });
        }
        out.values()
                .forEach(l -> l.sort(Comparator.comparing(Series::name)
                        .thenComparing(s -> s.tags().toString())));
        return out;
    }

    /** Per drop-like counter of ours, its total over all tags; zeros left out. */
    static Map<String, Double> drops(MeterRegistry meters) {
        Map<String, Double> out = new TreeMap<>();
        for (Meter m : meters.getMeters()) {
            String name = m.getId().getName();
            if (!name.startsWith("skysentinel.") || !DROP.matcher(name).find()) continue;
            Double n = countOf(m);
            if (n != null && n > 0) out.merge(name, n, Double::sum);
        }
        return out;
    }

    private static Double countOf(Meter m) {
        if (m instanceof Counter c) return c.count();
        if (m instanceof FunctionCounter c) return c.count();
        if (m instanceof Gauge g && !(m instanceof TimeGauge)) return finite(g.value());
        return null;
    }

    static Series series(Meter m) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : m.getId().getTags()) if (!"application".equals(t.getKey())) tags.put(t.getKey(), t.getValue());
        String name = m.getId().getName();
        if (m instanceof Timer t) {
            long n = t.count();
            return new Series(
                    name,
                    tags,
                    "timer",
                    (double) n,
                    null,
                    t.totalTime(TimeUnit.MILLISECONDS),
                    n == 0 ? null : t.mean(TimeUnit.MILLISECONDS),
                    t.max(TimeUnit.MILLISECONDS));
        }
        if (m instanceof FunctionTimer t)
            return new Series(
                    name,
                    tags,
                    "timer",
                    t.count(),
                    null,
                    t.totalTime(TimeUnit.MILLISECONDS),
                    t.count() == 0 ? null : t.mean(TimeUnit.MILLISECONDS),
                    null);
        if (m instanceof LongTaskTimer t)
            return new Series(
                    name,
                    tags,
                    "long_task_timer",
                    (double) t.activeTasks(),
                    null,
                    t.duration(TimeUnit.MILLISECONDS),
                    null,
                    t.max(TimeUnit.MILLISECONDS));
        if (m instanceof DistributionSummary d)
            return new Series(name, tags, "summary", (double) d.count(), finite(d.mean()), d.totalAmount(), null, null);
        if (m instanceof Counter c) return new Series(name, tags, "counter", c.count(), null, null, null, null);
        if (m instanceof FunctionCounter c) return new Series(name, tags, "counter", c.count(), null, null, null, null);
        if (m instanceof TimeGauge g)
            return new Series(name, tags, "gauge", null, finite(g.value(TimeUnit.MILLISECONDS)), null, null, null);
        if (m instanceof Gauge g) return new Series(name, tags, "gauge", null, finite(g.value()), null, null, null);
        double first = 0;
        for (var ms : m.measure()) {
            first = ms.getValue();
            break;
        }
        return new Series(name, tags, "other", null, finite(first), null, null, null);
    }

    /** JSON has no NaN: a gauge whose object is gone reads NaN, shown as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
