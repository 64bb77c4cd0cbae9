package io.skysentinel.alerts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules in force: REST changes them, the evaluators read {@link #index()} (an immutable index swapped on every
 * change, so an evaluation never sees half a change). A changed rule gets a new generation: its episodes start over.
 */
public final class RuleBook {

    private final Map<Long, CompiledRule> rules = new HashMap<>();
    private long generation;
    private volatile RuleIndex index = new RuleIndex(List.of());

    public RuleIndex index() {
        return index;
    }

    public synchronized void replaceAll(Collection<AlertRule> all) {
        rules.clear();
        generation++;
        for (AlertRule r : all) rules.put(r.id(), new CompiledRule(r, generation));
        index = new RuleIndex(rules.values());
    }

    public synchronized void put(AlertRule rule) {
        rules.put(rule.id(), new CompiledRule(rule, ++generation));
        index = new RuleIndex(rules.values());
    }

    public synchronized void remove(long id) {
        if (rules.remove(id) != null) index = new RuleIndex(rules.values());
    }

    /** The generation the next change will get: a track evaluated at this one knows all rules now in force. */
    synchronized long generation() {
        return generation;
    }
}
