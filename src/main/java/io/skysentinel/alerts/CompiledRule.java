package io.skysentinel.alerts;

/**
 * A rule as the evaluator holds it: the stored rule, the index generation it joined at, and a visit stamp that lets
 * one evaluation see each rule once even when several index entries lead to it (single evaluator thread per hub).
 */
public final class CompiledRule {
    final AlertRule rule;
    final Condition when;
    final long generation;
    final long cooldownMs;
    /** Whether the rule names any field of the flight's state (an event rule may name only the event). */
    final boolean namesState;

    int stamp; // written by the one evaluator thread that owns the visit (aircraft or ATC use different rules)

    CompiledRule(AlertRule rule, long generation) {
        this.rule = rule;
        this.when = rule.when();
        this.generation = generation;
        this.cooldownMs = rule.cooldownS() * 1000;
        Condition c = when;
        this.namesState = c.ids() != null
                || c.icao24s() != null
                || c.registration() != null
                || c.callsign() != null
                || c.types() != null
                || c.categories() != null
                || c.operators() != null
                || c.squawks() != null
                || c.sources() != null
                || c.altitudeM() != null
                || c.velocityMps() != null
                || c.onGround() != null;
    }

    public AlertRule rule() {
        return rule;
    }
}
