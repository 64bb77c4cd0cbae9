package io.skysentinel.analytics.airports;

import io.skysentinel.core.Geo;
import java.util.List;

/**
 * Which runway an aircraft lifted off from or touched down on, from its position and track at that moment.
 *
 * <p>At an airport with curated thresholds (airports/runways.csv) it is the runway end whose heading is within
 * {@value #MAX_HEADING_DIFF_DEG}° of the track and whose centre line passes closest to the aircraft (this tells
 * parallel runways apart), at most {@value #MAX_OFFSET_M} m away; no such runway: null. Elsewhere the designator is
 * approximated as round(track / 10), "36" for north: this uses the <em>true</em> track while real designators follow
 * the magnetic heading, so where the declination is large (over ~5°) it can be one number off, and parallel runways
 * get no L/C/R suffix.
 */
public final class RunwayDesignator {

    static final double MAX_HEADING_DIFF_DEG = 30;
    static final double MAX_OFFSET_M = 2_000;

    private final AirportIndex airports;

    public RunwayDesignator(AirportIndex airports) {
        this.airports = airports;
    }

    /** @return the designator such as "28" or "16L", or null when the track is unknown or no runway fits */
    public String designate(String airportIcao, double lat, double lon, double trackDeg) {
        if (Double.isNaN(trackDeg)) return null;
        List<RunwayEnd> ends = airports.runways(airportIcao);
        if (ends.isEmpty()) return approximate(trackDeg);
        RunwayEnd best = null;
        double bestOffset = MAX_OFFSET_M;
        for (RunwayEnd e : ends) {
            if (Math.abs(Geo.turnDeg(e.trueHeadingDeg(), trackDeg)) > MAX_HEADING_DIFF_DEG) continue;
            double offset = crossTrackM(e, lat, lon);
            if (offset <= bestOffset) {
                bestOffset = offset;
                best = e;
            }
        }
        return best == null ? null : best.designator();
    }

    /** round(track/10) with two digits: 276° → "28", 4° → "36". */
    static String approximate(double trackDeg) {
        int n = (int) Math.round(Geo.normalize(trackDeg) / 10.0);
        if (n == 0) n = 36;
        return String.format("%02d", n);
    }

    /** Distance of the point from the runway end's extended centre line, metres (flat earth: a few km at most). */
    private static double crossTrackM(RunwayEnd e, double lat, double lon) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) return 0;
        double d = Geo.distanceM(e.lat(), e.lon(), lat, lon);
        double angle = Math.toRadians(Geo.turnDeg(e.trueHeadingDeg(), Geo.bearingDeg(e.lat(), e.lon(), lat, lon)));
        return Math.abs(d * Math.sin(angle));
    }
}
