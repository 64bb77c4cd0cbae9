package io.skysentinel.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of a Prometheus text exposition (what {@code GET /metrics} returns), enough to read counters, gauges
 * and classic histograms ({@code _bucket{le=…}}). Comments, exemplars and timestamps are ignored.
 */
public final class PromSnapshot {

    /** One sample: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PromSnapshot(List<Sample> samples) {
        this.samples = samples;
    }

    public static PromSnapshot empty() {
        return new PromSnapshot(List.of());
    }

    public static PromSnapshot parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int hash = line.indexOf(" # "); // exemplar
            if (hash > 0) line = line.substring(0, hash);
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            int i;
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace >= 0 && (space < 0 || brace < space)) {
                name = line.substring(0, brace);
                i = brace + 1;
                while (i < line.length() && line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String key = line.substring(i, eq).strip();
                    int q = eq + 1; // opening quote
                    StringBuilder v = new StringBuilder();
                    int j = q + 1;
                    for (; j < line.length() && line.charAt(j) != '"'; j++) {
                        char c = line.charAt(j);
                        if (c == '\\' && j + 1 < line.length()) {
                            char n = line.charAt(++j);
                            v.append(n == 'n' ? '\n' : n);
                        } else {
                            v.append(c);
                        }
                    }
                    labels.put(key, v.toString());
                    i = j + 1;
                    if (i < line.length() && line.charAt(i) == ',') i++;
                }
                i++; // past '}'
            } else {
                if (space < 0) continue;
                name = line.substring(0, space);
                i = space;
            }
            String[] rest = line.substring(i).strip().split("\\s+");
            if (rest.length == 0 || rest[0].isEmpty()) continue;
            double value;
            try {
                value = switch (rest[0]) {
                    case "+Inf" -> Double.POSITIVE_INFINITY;
                    case "-Inf" -> Double.NEGATIVE_INFINITY;
                    case "NaN" -> Double.NaN;
                    default -> Double.parseDouble(rest[0]);
                };
            } catch (NumberFormatException e) {
                continue;
            }
            out.add(new Sample(name, labels, value));
        }
        return new PromSnapshot(out);
    }

    /** Sum of every sample named {@code name} whose labels include all of {@code match} (key, value, key, value…). */
    public double sum(String name, String... match) {
        double s = 0;
        boolean any = false;
        for (Sample x : samples) {
            if (x.name.equals(name) && matches(x.labels, match)) {
                s += x.value;
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }

    private static boolean matches(Map<String, String> labels, String[] match) {
        for (int k = 0; k + 1 < match.length; k += 2) if (!match[k + 1].equals(labels.get(match[k]))) return false;
        return true;
    }

    /** Cumulative bucket counts of histogram {@code base} ({@code base_bucket}), by upper bound, summed over series. */
    public TreeMap<Double, Double> buckets(String base, String... match) {
        TreeMap<Double, Double> b = new TreeMap<>();
        for (Sample x : samples) {
            if (!x.name.equals(base + "_bucket") || !matches(x.labels, match)) continue;
            String le = x.labels.get("le");
            if (le == null) continue;
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            b.merge(bound, x.value, Double::sum);
        }
        return b;
    }

    /**
     * The {@code q} quantile (0..1) of what a histogram counted between two scrapes, as the upper bound of the
     * bucket it falls in (Prometheus histograms know no better). NaN when nothing was counted.
     */
    public static double quantileBetween(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
        double total = after.isEmpty() ? 0 : after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) return Double.NaN;
        double rank = q * total;
        for (Map.Entry<Double, Double> e : after.entrySet()) {
            double cum = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            if (cum >= rank) return e.getKey();
        }
        return after.lastKey();
    }

    /** Count of observations between two scrapes that were above {@code bound} (a bucket bound). */
    public static double countAbove(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double bound) {
        if (after.isEmpty()) return 0;
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        Map.Entry<Double, Double> atOrBelow = after.floorEntry(bound);
        if (atOrBelow == null) return total;
        double cum = atOrBelow.getValue() - before.getOrDefault(atOrBelow.getKey(), 0.0);
        return total - cum;
    }
}
