package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Geo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holding: while airborne, the signed track changes within the window (default 5 minutes) add up to a full turn
 * (default 360°) in one direction. Turns left and right cancel, so S-turns and a zig-zag do not count. A track change
 * faster than {@value #MAX_TURN_RATE_DEG_S}°/s (a standard-rate turn is 3°/s) is a glitch or too coarse to know the
 * direction and is skipped; a silence over {@value #MAX_SAMPLE_GAP_MS} ms restarts the window. One event per hold:
 * the next can come once the window's total has fallen below half a full turn.
 */
public final class HoldingRule implements AnomalyRule {

    static final double MAX_TURN_RATE_DEG_S = 6;
    static final long MAX_SAMPLE_GAP_MS = 60_000;

    private final double turnDeg;
    private final long windowMs;

    public HoldingRule(double turnDeg, long windowMs) {
        this.turnDeg = turnDeg;
        this.windowMs = windowMs;
    }

    @Override
    public void observe(AnomalyState s, Observation prev, Observation o, AnalyticsListener out) {
        if (o.onGround()) {
            s.turns.clear();
            s.lastTrackDeg = Double.NaN;
            s.holdReported = false;
            return;
        }
        if (Double.isNaN(o.trackDeg())) return;
        long dt = o.contactMs() - s.lastTrackMs;
        if (!Double.isNaN(s.lastTrackDeg) && dt > 0) {
            if (dt > MAX_SAMPLE_GAP_MS) {
                s.turns.clear();
            } else {
                double turn = Geo.turnDeg(s.lastTrackDeg, o.trackDeg());
                if (Math.abs(turn) <= MAX_TURN_RATE_DEG_S * dt / 1000.0) s.turns.add(o.contactMs(), turn);
            }
        }
        if (dt > 0 || Double.isNaN(s.lastTrackDeg)) {
            s.lastTrackDeg = o.trackDeg();
            s.lastTrackMs = o.contactMs();
        }
        s.turns.expire(o.contactMs() - windowMs);
        double total = s.turns.sum();
        if (!s.holdReported && Math.abs(total) >= turnDeg) {
            s.holdReported = true;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("turn_deg", Events.round(total));
            details.put("direction", total > 0 ? "right" : "left");
            details.put("window_s", (o.contactMs() - s.turns.oldestMs()) / 1000);
            out.onEvent(Events.at(Events.HOLDING, o, details));
        } else if (s.holdReported && Math.abs(total) < turnDeg / 2) {
            s.holdReported = false;
        }
    }
}
