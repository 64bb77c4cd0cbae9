package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;

/** One anomaly rule over an aircraft's accepted states; the engine runs every rule on every state, in order. */
public interface AnomalyRule {

    /**
     * @param s    the aircraft's memory for every rule
     * @param prev its previous state, or null for the first one (after a gap reset too)
     * @param o    the new state
     */
    void observe(AnomalyState s, Observation prev, Observation o, AnalyticsListener out);
}
