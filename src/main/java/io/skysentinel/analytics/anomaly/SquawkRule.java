package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import java.util.Map;

/**
 * Emergency squawks: 7500 (unlawful interference), 7600 (radio failure), 7700 (general emergency). One event per
 * episode: when the code first appears, or changes to another emergency code. The episode ends when the aircraft
 * squawks any other code; a state without a squawk changes nothing (OpenSky often omits it).
 */
public final class SquawkRule implements AnomalyRule {

    @Override
    public void observe(AnomalyState s, Observation prev, Observation o, AnalyticsListener out) {
        String squawk = o.squawk();
        if (squawk == null || squawk.isBlank()) return;
        if (!isEmergency(squawk)) {
            s.emergencySquawk = null;
            return;
        }
        if (squawk.equals(s.emergencySquawk)) return;
        s.emergencySquawk = squawk;
        out.onEvent(Events.at(Events.SQUAWK_PREFIX + squawk, o, Map.of("squawk", squawk)));
    }

    static boolean isEmergency(String squawk) {
        return "7500".equals(squawk) || "7600".equals(squawk) || "7700".equals(squawk);
    }
}
