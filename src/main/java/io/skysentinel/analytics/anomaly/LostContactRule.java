package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.CoverageArea;
import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Geo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lost contact: the hub removed an aircraft for staleness (no contact for the stale threshold, 60 s by default) while
 * its last state was airborne. Not reported when the movement detector judged it landed, when it was last seen low
 * (below {@value #LOW_HEIGHT_FT} ft) within the go-around radius of an airport (landing, or below receiver coverage
 * on approach), when its last position is within the edge margin of the covered area (it flew out of the polled
 * box), or without a position. The event's time is the last contact, its place the last position.
 */
public final class LostContactRule {

    static final double LOW_HEIGHT_FT = 1_500;

    private final double airportRadiusM;
    private final double edgeMarginM;

    public LostContactRule(double airportRadiusM, double edgeMarginM) {
        this.airportRadiusM = airportRadiusM;
        this.edgeMarginM = edgeMarginM;
    }

    public void removed(Observation last, boolean landed, CoverageArea coverage, AnalyticsListener out) {
        if (last == null || landed || last.onGround() || !last.hasPosition()) return;
        if (last.near(airportRadiusM) && last.heightM() < LOW_HEIGHT_FT * Geo.FEET) return;
        if (coverage.nearEdge(last.lat(), last.lon(), edgeMarginM)) return;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("last_contact_unix", last.contactMs() / 1000);
        if (!Double.isNaN(last.speedMps())) details.put("speed_kt", Events.round(last.speedMps() / Geo.KNOT_MPS));
        if (!Double.isNaN(last.trackDeg())) details.put("track_deg", Events.round(last.trackDeg()));
        out.onEvent(Events.at(Events.LOST_CONTACT, last, details));
    }
}
