package io.skysentinel.alerts;

import io.skysentinel.alerts.Condition.AtcTrigger;
import io.skysentinel.alerts.Episode.Outcome;
import io.skysentinel.core.AtcPosition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates the ATC rules on the ATC hub's update stream: {@code online} holds while a matching position is staffed
 * (so a rule fires for positions already online when it is created, at their next update), {@code offline} fires when
 * one leaves. ATC rules are few and positions a few hundred, so each update scans the ATC rules (no index). One
 * thread, clock passed in; its own state, apart from the aircraft evaluator's.
 */
public final class AtcEvaluator {

    private final RuleBook book;
    private final Clock clock;
    private final AlertSink sink;
    private final Map<String, Track> positions = new HashMap<>();

    public AtcEvaluator(RuleBook book, Clock clock, AlertSink sink) {
        this.book = book;
        this.clock = clock;
        this.sink = sink;
    }

    public void upsert(AtcPosition p) {
        List<CompiledRule> rules = book.index().atcRules();
        if (rules.isEmpty()) return;
        long now = clock.millis();
        Track t = positions.get(p.id());
        for (CompiledRule r : rules) {
            if (r.when.atc() != AtcTrigger.ONLINE || !matches(r, p)) continue;
            if (t == null) positions.put(p.id(), t = new Track());
            emit(t.findOrAdd(r).observe(true, true, now), r, p, now);
        }
    }

    public void remove(AtcPosition last) {
        RuleIndex index = book.index();
        long now = clock.millis();
        Track t = positions.get(last.id());
        if (t != null)
            for (Episode e : t.episodes)
                if (index.current(e.rule) && e.rule.when.atc() == AtcTrigger.ONLINE) emit(e.end(), e.rule, last, now);
        for (CompiledRule r : index.atcRules()) {
            if (r.when.atc() != AtcTrigger.OFFLINE || !matches(r, last)) continue;
            if (t == null) positions.put(last.id(), t = new Track());
            emit(t.findOrAdd(r).instant(now), r, last, now);
        }
        if (t != null) {
            t.episodes.removeIf(e -> !index.current(e.rule) || !e.needed(now));
            if (t.episodes.isEmpty()) positions.remove(last.id());
        }
    }

    /** Updates were lost: positions not in the picture went offline; the picture's are evaluated again. */
    public void resync(java.util.Collection<AtcPosition> picture) {
        Map<String, AtcPosition> now = new HashMap<>();
        for (AtcPosition p : picture) now.put(p.id(), p);
        for (String id : new ArrayList<>(positions.keySet()))
            if (!now.containsKey(id)) positions.remove(id); // their last state is unknown here: no offline alert
        for (AtcPosition p : picture) upsert(p);
    }

    private static boolean matches(CompiledRule r, AtcPosition p) {
        Glob g = r.when.atcCallsign();
        return g == null || g.matches(p.callsign());
    }

    private void emit(Outcome o, CompiledRule r, AtcPosition p, long now) {
        if (o == Outcome.NONE || (o == Outcome.END && !r.rule.notifyEnded())) return;
        AtcPosition anonymous = new AtcPosition(
                p.id(),
                p.callsign(),
                p.kind(),
                p.cid(),
                null,
                p.facility(),
                p.rating(),
                p.frequencyMhz(),
                p.visualRangeNm(),
                p.atisCode(),
                p.textAtis(),
                p.logonUnix(),
                p.lastContactUnix(),
                p.position(),
                p.area(),
                p.source());
        Alert.Kind kind = o == Outcome.FIRE ? Alert.Kind.FIRED : Alert.Kind.ENDED;
        sink.accept(new Alert(
                UUID.randomUUID().toString(), kind, r.rule.id(), r.rule.name(), p.id(), null, anonymous, null, now));
    }

    public int tracked() {
        return positions.size();
    }
}
