package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnomalyEvent;
import java.util.Map;

/** Builds events at an observation: its contact time, position and altitude. */
final class Events {

    static final String SQUAWK_PREFIX = "squawk_";
    static final String RAPID_DESCENT = "rapid_descent";
    static final String IMPOSSIBLE_JUMP = "impossible_jump";
    static final String GO_AROUND = "go_around";
    static final String HOLDING = "holding";
    static final String LOST_CONTACT = "lost_contact";

    private Events() {}

    static AnomalyEvent at(String kind, Observation o, Map<String, Object> details) {
        return new AnomalyEvent(kind, o.contactMs(), o.id(), o.callsign(), o.lat(), o.lon(), o.altitudeM(), details);
    }

    /** Rounded to whole units for display; the rules compare unrounded values. */
    static long round(double v) {
        return Math.round(v);
    }
}
