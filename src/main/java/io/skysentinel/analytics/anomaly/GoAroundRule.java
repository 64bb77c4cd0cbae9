package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Geo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Go-around: an aircraft that came down from above the approach height (default 1,000 ft above the airport's
 * elevation) to below it within the radius (default 8 km) of an airport, did not touch down, and then climbed at
 * least the climb margin (default 500 ft) above its lowest point while still near that airport (twice the radius)
 * and not descending. The "came down from above" arming keeps departures (which start low) out. A ground state
 * ends the approach: that was a landing. After an event the aircraft must climb back above the approach height
 * before another go-around can count (a second approach and go-around is a second event).
 */
public final class GoAroundRule implements AnomalyRule {

    private final double radiusM;
    private final double heightM;
    private final double climbM;

    public GoAroundRule(double radiusM, double heightFt, double climbFt) {
        this.radiusM = radiusM;
        this.heightM = heightFt * Geo.FEET;
        this.climbM = climbFt * Geo.FEET;
    }

    @Override
    public void observe(AnomalyState s, Observation prev, Observation o, AnalyticsListener out) {
        if (o.onGround()) {
            s.approachArmed = false;
            s.lowPoint = null;
            return;
        }
        Observation low = s.lowPoint;
        if (low != null) {
            boolean lower = !Double.isNaN(o.altitudeM()) && heightAbove(low, o) < heightAbove(low, low);
            if (lower && low.airport().equals(o.airport())) s.lowPoint = o; // still coming down
            else if (!lower) climbedAway(s, low, o, out);
            return;
        }
        double h = o.heightM();
        if (Double.isNaN(h)) {
            // Far from any airport (or no altitude): only arm when clearly flying high.
            if (o.airport() == null && !Double.isNaN(o.altitudeM()) && o.altitudeM() >= heightM) s.approachArmed = true;
            return;
        }
        if (h >= heightM) s.approachArmed = true;
        else if (s.approachArmed && o.near(radiusM)) s.lowPoint = o;
    }

    private void climbedAway(AnomalyState s, Observation low, Observation o, AnalyticsListener out) {
        if (!o.hasPosition() || Double.isNaN(o.altitudeM())) return;
        double fromAirport = Geo.distanceM(
                o.lat(), o.lon(), low.airport().lat(), low.airport().lon());
        if (fromAirport > 2 * radiusM) {
            s.lowPoint = null; // wandered off without climbing: not a go-around we can vouch for
            return;
        }
        double lowest = heightAbove(low, low);
        double now = heightAbove(low, o);
        boolean descending = o.verticalRateMps() < 0;
        if (now - lowest >= climbM && !descending) {
            s.lowPoint = null;
            s.approachArmed = false;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("airport", low.airport().icao());
            details.put("min_height_ft", Events.round(lowest / Geo.FEET));
            details.put("low_point_time", low.contactMs());
            out.onEvent(Events.at(Events.GO_AROUND, o, details));
        }
    }

    /** Height of {@code o} above the elevation of {@code low}'s airport (the airport of the approach). */
    private static double heightAbove(Observation low, Observation o) {
        return o.altitudeM() - low.airport().elevationM();
    }
}
