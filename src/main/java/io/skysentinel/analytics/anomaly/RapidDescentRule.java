package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Geo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rapid descent: airborne and descending faster than the threshold (default 6,000 ft/min) in every state for at
 * least the sustain time (default 20 s). The vertical rate is the reported one, else derived from the altitudes of
 * two consecutive states 1–60 s apart. One event per episode: the episode ends when the descent eases to half the
 * threshold
 * (hysteresis, so a rate hovering around the threshold is reported once) or the aircraft is on the ground.
 */
public final class RapidDescentRule implements AnomalyRule {

    /** States further apart than this do not show that the descent was sustained in between. */
    static final long MAX_SAMPLE_GAP_MS = 60_000;

    static final long MIN_DERIVE_MS = 1_000;

    private final double thresholdMps;
    private final long sustainMs;

    public RapidDescentRule(double thresholdFpm, long sustainMs) {
        this.thresholdMps = thresholdFpm * Geo.FPM_MPS;
        this.sustainMs = sustainMs;
    }

    @Override
    public void observe(AnomalyState s, Observation prev, Observation o, AnalyticsListener out) {
        if (o.onGround()) {
            s.descentSinceMs = -1;
            s.descentReported = false;
            return;
        }
        double rate = verticalRate(prev, o);
        if (Double.isNaN(rate)) return;
        if (rate < thresholdMps) {
            if (s.descentSinceMs < 0 || o.contactMs() - s.descentLastMs > MAX_SAMPLE_GAP_MS) {
                s.descentSinceMs = o.contactMs();
                s.descentWorstMps = rate;
            }
            s.descentWorstMps = Math.min(s.descentWorstMps, rate);
            s.descentLastMs = o.contactMs();
            long lasted = o.contactMs() - s.descentSinceMs;
            if (!s.descentReported && lasted >= sustainMs) {
                s.descentReported = true;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("vertical_rate_fpm", Events.round(s.descentWorstMps / Geo.FPM_MPS));
                details.put("duration_s", lasted / 1000);
                out.onEvent(Events.at(Events.RAPID_DESCENT, o, details));
            }
        } else {
            s.descentSinceMs = -1;
            if (rate > thresholdMps / 2) s.descentReported = false;
        }
    }

    static double verticalRate(Observation prev, Observation o) {
        if (!Double.isNaN(o.verticalRateMps())) return o.verticalRateMps();
        if (prev == null || Double.isNaN(prev.altitudeM()) || Double.isNaN(o.altitudeM())) return Double.NaN;
        long dt = o.contactMs() - prev.contactMs();
        if (dt < MIN_DERIVE_MS || dt > MAX_SAMPLE_GAP_MS) return Double.NaN;
        return (o.altitudeM() - prev.altitudeM()) / (dt / 1000.0);
    }
}
