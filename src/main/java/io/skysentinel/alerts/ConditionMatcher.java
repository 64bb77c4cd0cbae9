package io.skysentinel.alerts;

import io.skysentinel.core.Aircraft;

/** Whether a state satisfies a condition's state fields; the area is {@link #inside}'s business. Pure. */
final class ConditionMatcher {

    private ConditionMatcher() {}

    static boolean stateMatches(Condition c, Facts f) {
        Aircraft a = f.state;
        if (c.ids() != null && !c.ids().contains(a.id())) return false;
        if (c.icao24s() != null && (a.icao24() == null || !c.icao24s().contains(a.icao24()))) return false;
        if (c.callsign() != null && !c.callsign().matchesUpper(f.callsign)) return false;
        if (c.sources() != null && !c.sources().contains(a.source())) return false;
        if (c.squawks() != null && (a.squawk() == null || !c.squawks().contains(a.squawk()))) return false;
        if (c.categories() != null && (a.category() == null || !c.categories().contains(a.category()))) return false;
        if (c.onGround() != null && c.onGround() != a.onGround()) return false;
        if (c.altitudeM() != null && !c.altitudeM().contains(a.bestAltitudeM())) return false;
        if (c.velocityMps() != null && !c.velocityMps().contains(a.velocityMps())) return false;
        if (c.types() != null
                && (f.info().type() == null || !c.types().contains(f.info().type()))) return false;
        if (c.operators() != null
                && (f.info().operator() == null
                        || !c.operators().contains(f.info().operator()))) return false;
        return c.registration() == null
                || c.registration().matchesUpper(f.info().registration());
    }

    /** Inside the area; null when the state has no position (a transition cannot be judged then). */
    static Boolean inside(Condition c, Aircraft a) {
        if (a.position() == null) return null;
        return c.area().contains(a.position().lat(), a.position().lon());
    }
}
