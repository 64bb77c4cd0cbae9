package io.skysentinel.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules filed so that one state visits only those that could match it, not all of them. Each aircraft rule is
 * filed under one key, the most selective it has: an exact id or icao24, the literal prefix of its callsign glob,
 * a squawk, the grid cells of its area; the rest (and areas too large to file) go to a residual list scanned for
 * every state. Event rules are filed by event kind, ATC rules in a list of their own. Immutable once built; the
 * evaluator checks every candidate in full, so the index only has to be a superset.
 */
public final class RuleIndex {

    /** Grid cell size, degrees: a 50 km circle lands in 4 to 9 cells. */
    static final double CELL_DEG = 0.5;

    static final int ROWS = (int) (180 / CELL_DEG), COLS = (int) (360 / CELL_DEG);
    /** An area spanning more cells than this is scanned with the residual rules instead. */
    static final int MAX_CELLS_PER_RULE = 4_096;

    private final Map<Long, CompiledRule> byRuleId = new HashMap<>();
    private final Map<String, List<CompiledRule>> byId = new HashMap<>();
    private final Map<String, List<CompiledRule>> byIcao24 = new HashMap<>();
    private final Map<String, List<CompiledRule>> byPrefix = new HashMap<>();
    private final Map<String, List<CompiledRule>> bySquawk = new HashMap<>();
    private final Map<Integer, List<CompiledRule>> byCell = new HashMap<>();
    private final Map<String, List<CompiledRule>> byEvent = new HashMap<>();
    private final List<CompiledRule> residual = new ArrayList<>();
    private final List<CompiledRule> atc = new ArrayList<>();
    private final int[] prefixLengths;
    /** The newest generation among the rules: a track evaluated with this index knew every rule in it. */
    final long generation;

    public RuleIndex(Collection<CompiledRule> rules) {
        TreeSet<Integer> lengths = new TreeSet<>();
        long newest = 0;
        for (CompiledRule r : rules) {
            newest = Math.max(newest, r.generation);
            byRuleId.put(r.rule.id(), r);
            Condition c = r.when;
            if (c.isAtc()) atc.add(r);
            else if (c.isEvent()) file(byEvent, c.event(), r);
            else if (c.ids() != null) c.ids().forEach(id -> file(byId, id, r));
            else if (c.icao24s() != null) c.icao24s().forEach(a -> file(byIcao24, a, r));
            else if (c.callsign() != null && !c.callsign().literalPrefix().isEmpty()) {
                String p = c.callsign().literalPrefix();
                lengths.add(p.length());
                file(byPrefix, p, r);
            } else if (c.squawks() != null) c.squawks().forEach(s -> file(bySquawk, s, r));
            else if (c.area() == null || !fileArea(c.area(), r)) residual.add(r);
        }
        generation = newest;
        prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static <K> void file(Map<K, List<CompiledRule>> m, K key, CompiledRule r) {
        m.computeIfAbsent(key, k -> new ArrayList<>(2)).add(r);
    }

    private boolean fileArea(Area area, CompiledRule r) {
        double[] b = area.bounds();
        int r0 = row(b[0]), r1 = row(b[2]), c0 = col(b[1]), c1 = col(b[3]);
        if ((long) (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS_PER_RULE) return false;
        for (int row = r0; row <= r1; row++) for (int col = c0; col <= c1; col++) file(byCell, row * COLS + col, r);
        return true;
    }

    static int row(double lat) {
        return Math.clamp((int) Math.floor((lat + 90) / CELL_DEG), 0, ROWS - 1);
    }

    static int col(double lon) {
        return Math.clamp((int) Math.floor((lon + 180) / CELL_DEG), 0, COLS - 1);
    }

    /** The rule of that id, when this index holds it. */
    public CompiledRule rule(long id) {
        return byRuleId.get(id);
    }

    /** Whether this exact version of the rule is still in force (not deleted or replaced). */
    boolean current(CompiledRule r) {
        return byRuleId.get(r.rule.id()) == r;
    }

    public int size() {
        return byRuleId.size();
    }

    /** Adds the aircraft rules that could match this state to {@code out}, each once (marked with {@code stamp}). */
    void candidates(Facts f, int stamp, List<CompiledRule> out) {
        add(byId.get(f.state.id()), stamp, out);
        if (f.state.icao24() != null) add(byIcao24.get(f.state.icao24()), stamp, out);
        String cs = f.callsign;
        if (cs != null)
            for (int len : prefixLengths) {
                if (len > cs.length()) break;
                add(byPrefix.get(cs.substring(0, len)), stamp, out);
            }
        if (f.state.squawk() != null) add(bySquawk.get(f.state.squawk()), stamp, out);
        if (f.state.position() != null && !byCell.isEmpty())
            add(
                    byCell.get(row(f.state.position().lat()) * COLS
                            + col(f.state.position().lon())),
                    stamp,
                    out);
        add(residual, stamp, out);
    }

    static void add(List<CompiledRule> rules, int stamp, List<CompiledRule> out) {
        if (rules == null) return;
        for (int i = 0, n = rules.size(); i < n; i++) {
            CompiledRule r = rules.get(i);
            if (r.stamp == stamp) continue;
            r.stamp = stamp;
            out.add(r);
        }
    }

    List<CompiledRule> eventRules(String kind) {
        return byEvent.getOrDefault(kind, List.of());
    }

    List<CompiledRule> atcRules() {
        return atc;
    }
}
