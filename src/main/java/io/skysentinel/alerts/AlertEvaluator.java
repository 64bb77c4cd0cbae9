package io.skysentinel.alerts;

import io.skysentinel.alerts.Condition.Transition;
import io.skysentinel.alerts.Episode.Outcome;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates the aircraft and event rules on every accepted state, in order: the pure core of alerting (one thread,
 * the clock passed in, alerts handed to a sink). Per aircraft it keeps a {@link Track} of the episodes that matter
 * (running, cooling down, or inside an area whose crossing is watched); at most {@code maxTracked} aircraft, the least
 * recently seen forgotten beyond that (counted: {@link #evicted()}).
 */
public final class AlertEvaluator {

    private final RuleBook book;
    private final AircraftInfoLookup lookup;
    private final Clock clock;
    private final AlertSink sink;
    private final int maxTracked;
    private final Map<String, Track> tracks;
    private final List<CompiledRule> candidates = new ArrayList<>();
    private int stamp;
    private long evicted;

    public AlertEvaluator(RuleBook book, AircraftInfoLookup lookup, Clock clock, AlertSink sink, int maxTracked) {
        if (maxTracked < 1) throw new IllegalArgumentException("maxTracked must be >= 1");
        this.book = book;
        this.lookup = lookup;
        this.clock = clock;
        this.sink = sink;
        this.maxTracked = maxTracked;
        this.tracks = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Track> eldest) {
                boolean full = size() > AlertEvaluator.this.maxTracked;
                if (full) evicted++;
                return full;
            }
        };
    }

    /** One accepted state. */
    public void upsert(Aircraft a) {
        RuleIndex index = book.index();
        Track t = tracks.computeIfAbsent(a.id(), k -> new Track());
        Facts f = new Facts(a, lookup);
        candidates.clear();
        int s = ++stamp;
        index.candidates(f, s, candidates);
        for (int i = 0, n = t.episodes.size(); i < n; i++) {
            CompiledRule r = t.episodes.get(i).rule;
            if (r.stamp != s && index.current(r) && !r.when.isEvent()) {
                r.stamp = s;
                candidates.add(r);
            }
        }
        long now = clock.millis();
        for (int i = 0, n = candidates.size(); i < n; i++) evaluate(candidates.get(i), f, t, now);
        prune(t, index, now);
        t.seen = true;
        t.generation = index.generation;
    }

    private void evaluate(CompiledRule r, Facts f, Track t, long now) {
        Condition c = r.when;
        Boolean in = c.area() == null ? null : ConditionMatcher.inside(c, f.state);
        if (c.area() != null && in == null) return; // no position: the area cannot be judged, nothing changes
        Episode e = t.find(r);
        boolean base = ConditionMatcher.stateMatches(c, f);
        Transition tr = c.transition();
        boolean crossing = tr == Transition.ENTER || tr == Transition.LEAVE;
        boolean holds = base && (tr == null || (tr == Transition.LEAVE ? !in : in));
        if (e == null && !holds && !(crossing && in)) return; // the common miss keeps no state
        boolean mayStart = true;
        if (crossing) {
            Boolean before = e != null ? e.inside : t.seen && t.generation >= r.generation ? Boolean.FALSE : null;
            mayStart = tr == Transition.ENTER ? Boolean.FALSE.equals(before) : Boolean.TRUE.equals(before);
        }
        if (e == null) e = t.findOrAdd(r);
        if (crossing) e.inside = in;
        emit(e.observe(holds, mayStart, now), r, f.state, null, now);
    }

    /** The aircraft left the picture: its running episodes end; only cooldowns are remembered. */
    public void remove(Aircraft last) {
        Track t = tracks.get(last.id());
        if (t == null) return;
        RuleIndex index = book.index();
        long now = clock.millis();
        for (Episode e : t.episodes) {
            if (index.current(e.rule)) emit(e.end(), e.rule, last, null, now);
            e.inside = null;
        }
        t.seen = false;
        prune(t, index, now);
        if (t.episodes.isEmpty()) tracks.remove(last.id());
    }

    /** An anomaly or movement; {@code latest} is the flight's current state when known (null otherwise). */
    public void event(AlertEvent ev, Aircraft latest) {
        List<CompiledRule> rules = book.index().eventRules(ev.kind());
        if (rules.isEmpty()) return;
        long now = clock.millis();
        Facts f = latest == null ? null : new Facts(latest, lookup);
        for (CompiledRule r : rules) {
            Condition c = r.when;
            if (c.airport() != null && !c.airport().equals(ev.airport())) continue;
            if (r.namesState && (f == null || !ConditionMatcher.stateMatches(c, f))) continue;
            if (c.area() != null && !eventInside(c.area(), ev, latest)) continue;
            Track t = tracks.computeIfAbsent(ev.id(), k -> new Track());
            emit(t.findOrAdd(r).instant(now), r, latest, ev, now);
        }
    }

    private static boolean eventInside(Area area, AlertEvent ev, Aircraft latest) {
        if (!Double.isNaN(ev.lat()) && !Double.isNaN(ev.lon())) return area.contains(ev.lat(), ev.lon());
        return latest != null
                && latest.position() != null
                && area.contains(latest.position().lat(), latest.position().lon());
    }

    /** Updates were lost: aircraft no longer in the picture are removed, the picture's states evaluated again. */
    public void resync(Collection<Aircraft> picture) {
        Set<String> present = new HashSet<>();
        for (Aircraft a : picture) present.add(a.id());
        for (Iterator<Map.Entry<String, Track>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Track> e = it.next();
            if (!present.contains(e.getKey())) e.getValue().seen = false;
        }
        for (Aircraft a : picture) upsert(a);
    }

    /** Forgets episodes of deleted or changed rules and cooldowns that have run out, everywhere (idle maintenance). */
    public void sweep() {
        RuleIndex index = book.index();
        long now = clock.millis();
        tracks.values().removeIf(t -> {
            prune(t, index, now);
            return t.episodes.isEmpty() && !t.seen;
        });
    }

    private static void prune(Track t, RuleIndex index, long now) {
        t.episodes.removeIf(e -> !index.current(e.rule) || !e.needed(now));
    }

    private void emit(Outcome o, CompiledRule r, Aircraft state, AlertEvent ev, long now) {
        if (o == Outcome.NONE || (o == Outcome.END && !r.rule.notifyEnded())) return;
        Aircraft flight = state == null ? null : state.withoutPersonalNames();
        String subject = state != null ? state.id() : ev.id();
        Alert.Kind kind = o == Outcome.FIRE ? Alert.Kind.FIRED : Alert.Kind.ENDED;
        sink.accept(new Alert(
                UUID.randomUUID().toString(), kind, r.rule.id(), r.rule.name(), subject, flight, null, ev, now));
    }

    public int tracked() {
        return tracks.size();
    }

    public long evicted() {
        return evicted;
    }
}
