package io.skysentinel.analytics;

import io.skysentinel.analytics.airports.AirportIndex;
import io.skysentinel.analytics.airports.RunwayDesignator;
import io.skysentinel.analytics.anomaly.AnomalyRule;
import io.skysentinel.analytics.anomaly.AnomalyState;
import io.skysentinel.analytics.anomaly.GoAroundRule;
import io.skysentinel.analytics.anomaly.HoldingRule;
import io.skysentinel.analytics.anomaly.ImpossibleJumpRule;
import io.skysentinel.analytics.anomaly.LostContactRule;
import io.skysentinel.analytics.anomaly.RapidDescentRule;
import io.skysentinel.analytics.anomaly.SquawkRule;
import io.skysentinel.analytics.movements.MovementDetector;
import io.skysentinel.analytics.movements.MovementState;
import io.skysentinel.analytics.track.CoverageArea;
import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.RemovalReason;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Runs every detector over a stream of accepted aircraft states and removal notices. Pure and single-threaded: no
 * clock of its own (every time is the states' source time), results go to the listener passed in. Per-aircraft memory
 * is bounded by {@code maxTracked}: beyond it the least recently updated aircraft is forgotten (counted).
 */
public final class AnalyticsEngine {

    /** Everything the detectors remember about one aircraft. */
    private static final class Tracked {
        final MovementState movement = new MovementState();
        final AnomalyState anomaly = new AnomalyState();
        Observation last;
    }

    private final ObservationMaker observations;
    private final long maxGapMs;
    private final int maxTracked;
    private final MovementDetector movements;
    private final List<AnomalyRule> rules;
    private final LostContactRule lostContact;
    private final CoverageArea coverage = new CoverageArea();
    private final LinkedHashMap<String, Tracked> tracked = new LinkedHashMap<>(1024, 0.75f, true);
    private long evictions, duplicates, gapResets, processed;

    public AnalyticsEngine(AirportIndex airports, AnalyticsSettings s) {
        this.observations = new ObservationMaker(airports, s.groundToleranceFt());
        this.maxGapMs = s.maxGap().toMillis();
        this.maxTracked = s.maxTracked();
        this.movements =
                new MovementDetector(s.airportRadiusM(), s.confirm().toMillis(), new RunwayDesignator(airports));
        this.rules = List.of(
                new SquawkRule(),
                new RapidDescentRule(s.rapidDescentFpm(), s.rapidDescentFor().toMillis()),
                new ImpossibleJumpRule(s.jumpSpeedKt(), s.jumpMinDistanceM()),
                new GoAroundRule(s.goAroundRadiusM(), s.goAroundHeightFt(), s.goAroundClimbFt()),
                new HoldingRule(s.holdingTurnDeg(), s.holdingWindow().toMillis()));
        this.lostContact = new LostContactRule(s.goAroundRadiusM(), s.lostContactEdgeMarginM());
    }

    /** One accepted state. States not newer than the last one seen for the aircraft are skipped (resync, replays). */
    public void observe(Aircraft aircraft, AnalyticsListener out) {
        Observation o = observations.of(aircraft);
        Tracked t = tracked.get(o.id());
        if (t != null && !newer(t.last, o)) {
            duplicates++;
            return;
        }
        if (t == null || o.contactMs() - t.last.contactMs() > maxGapMs) {
            if (t != null) gapResets++; // a long silence: start afresh rather than bridge it with guesses
            t = new Tracked();
            tracked.put(o.id(), t);
            evictBeyondBound();
        }
        processed++;
        Observation prev = t.last;
        coverage.observe(o.lat(), o.lon(), o.contactMs());
        movements.observe(t.movement, o, out);
        for (AnomalyRule rule : rules) rule.observe(t.anomaly, prev, o, out);
        t.last = o;
    }

    /**
     * The hub removed the aircraft. A landing it was completing still counts whatever the reason; only a stale
     * removal (silence) can be a lost contact: a pilot who logged off ({@code LEFT_FEED}) was not lost.
     */
    public void removed(String id, RemovalReason reason, AnalyticsListener out) {
        Tracked t = tracked.remove(id);
        if (t == null) return;
        boolean landed = movements.removed(t.movement, out);
        if (reason == RemovalReason.STALE) lostContact.removed(t.last, landed, coverage, out);
    }

    /**
     * Updates were lost (the analytics queue overflowed) and this is the hub's whole picture now: aircraft we track
     * that are not in it were removed meanwhile, for a reason we no longer know (so no lost-contact guess); the
     * others are observed as usual (states already seen are skipped, so no event repeats).
     */
    public void resync(Collection<Aircraft> picture, AnalyticsListener out) {
        Set<String> present = new HashSet<>(picture.size() * 2);
        for (Aircraft a : picture) present.add(a.id());
        for (String id : List.copyOf(tracked.keySet()))
            if (!present.contains(id)) removed(id, RemovalReason.UPSTREAM, out);
        for (Aircraft a : picture) observe(a, out);
    }

    private static boolean newer(Observation last, Observation o) {
        return o.contactMs() > last.contactMs()
                || (o.contactMs() == last.contactMs() && o.positionMs() > last.positionMs());
    }

    private void evictBeyondBound() {
        var it = tracked.entrySet().iterator();
        while (tracked.size() > maxTracked && it.hasNext()) {
            it.next();
            it.remove();
            evictions++;
        }
    }

    public int tracked() {
        return tracked.size();
    }

    public long evictions() {
        return evictions;
    }

    public long duplicates() {
        return duplicates;
    }

    public long gapResets() {
        return gapResets;
    }

    public long processed() {
        return processed;
    }
}
