package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Geo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Impossible jump: two consecutive positions whose implied ground speed exceeds the threshold (default 1,500 kt,
 * well above any airliner's ~650 kt). Position times are whole seconds, so the interval is taken one second longer
 * than it reads (two states "0 s" apart may be almost 1 s apart), and the jump must also be at least the minimum
 * distance (default 5 km) so that a few hundred metres of jitter never counts. After an event the rule is quiet
 * for {@value #QUIET_MS} ms so an outlier and the return from it are one event, not two.
 */
public final class ImpossibleJumpRule implements AnomalyRule {

    static final long TIME_QUANTUM_MS = 1_000;
    static final long QUIET_MS = 60_000;

    private final double speedMps;
    private final double minDistanceM;

    public ImpossibleJumpRule(double speedKt, double minDistanceM) {
        this.speedMps = speedKt * Geo.KNOT_MPS;
        this.minDistanceM = minDistanceM;
    }

    @Override
    public void observe(AnomalyState s, Observation prev, Observation o, AnalyticsListener out) {
        if (!o.hasPosition()) return;
        Observation fix = s.lastFix;
        if (fix != null && o.positionMs() < fix.positionMs()) return; // an older position: nothing new
        s.lastFix = o;
        if (fix == null) return;
        double distance = Geo.distanceM(fix.lat(), fix.lon(), o.lat(), o.lon());
        if (distance < minDistanceM) return;
        double seconds = (o.positionMs() - fix.positionMs() + TIME_QUANTUM_MS) / 1000.0;
        double implied = distance / seconds;
        if (implied <= speedMps || o.contactMs() < s.jumpQuietUntilMs) return;
        s.jumpQuietUntilMs = o.contactMs() + QUIET_MS;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("implied_speed_kt", Events.round(implied / Geo.KNOT_MPS));
        details.put("distance_km", Math.round(distance / 100.0) / 10.0);
        details.put("interval_s", (o.positionMs() - fix.positionMs()) / 1000);
        details.put("from_lat", fix.lat());
        details.put("from_lon", fix.lon());
        out.onEvent(Events.at(Events.IMPOSSIBLE_JUMP, o, details));
    }
}
