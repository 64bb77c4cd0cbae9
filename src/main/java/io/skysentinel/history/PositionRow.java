package io.skysentinel.history;

import io.skysentinel.core.Aircraft;

/**
 * One row of {@code positions}: an accepted state with a position. Times are epoch ms; NaN-free (nulls stay null).
 */
public record PositionRow(
        long timeMs,
        String id,
        String callsign,
        double lat,
        double lon,
        Double baroAltitudeM,
        Double geoAltitudeM,
        Double velocityMps,
        Double headingDeg,
        Double verticalRateMps,
        boolean onGround,
        String squawk,
        String source) {

    /** The state's row, or null when it has no position (nothing to draw, nothing to store). */
    public static PositionRow of(Aircraft a) {
        if (a.position() == null) return null;
        long seconds = a.timePositionUnix() != null ? a.timePositionUnix() : a.lastContactUnix();
        String callsign = a.callsign() == null || a.callsign().isBlank()
                ? null
                : a.callsign().strip();
        return new PositionRow(
                seconds * 1000,
                a.id(),
                callsign,
                a.position().lat(),
                a.position().lon(),
                a.altitudeM(),
                a.geoAltitudeM(),
                a.velocityMps(),
                a.headingDeg(),
                a.verticalRateMps(),
                a.onGround(),
                a.squawk(),
                a.source());
    }

    /** Barometric altitude, else geometric, else null. */
    public Double bestAltitudeM() {
        return baroAltitudeM != null ? baroAltitudeM : geoAltitudeM;
    }
}
