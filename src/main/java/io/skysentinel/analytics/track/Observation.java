package io.skysentinel.analytics.track;

import io.skysentinel.core.Airport;

/**
 * One accepted aircraft state as the rules see it: units made uniform, unknowns as NaN, and the airport context
 * resolved once (nearest airport within the lookup radius). Times are the source's, epoch ms.
 *
 * @param contactMs        last contact (orders and de-duplicates states)
 * @param positionMs       when the position was measured (falls back to the contact time)
 * @param altitudeM        barometric altitude, else geometric; NaN when unknown
 * @param groundFlag       the on-ground flag as reported
 * @param onGround         the flag as believed: a ground flag with an altitude far above the field is a glitch (see
 *                         docs/analytics.md), so this is false for it
 * @param trackDeg         true track over ground, NaN when unknown
 * @param airport          nearest airport within the lookup radius, or null
 * @param airportDistanceM distance to it, NaN without one
 * @param source           the state's source name (movements carry it)
 */
public record Observation(
        String id,
        String callsign,
        long contactMs,
        long positionMs,
        double lat,
        double lon,
        double altitudeM,
        boolean groundFlag,
        boolean onGround,
        double trackDeg,
        double speedMps,
        double verticalRateMps,
        String squawk,
        Airport airport,
        double airportDistanceM,
        String source) {

    public boolean hasPosition() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }

    /** Height above the nearby airport's elevation, metres; NaN without altitude or airport. */
    public double heightM() {
        if (airport == null || Double.isNaN(altitudeM) || Double.isNaN(airport.elevationM())) return Double.NaN;
        return altitudeM - airport.elevationM();
    }

    /** True when an airport is within {@code radiusM}. */
    public boolean near(double radiusM) {
        return airport != null && airportDistanceM <= radiusM;
    }
}
