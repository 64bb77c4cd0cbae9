package io.skysentinel.source.sim;

/**
 * One runway direction in use at an airport, with the points the regional pilot steers by: the threshold
 * (where departures line up and arrivals touch down) and the final approach fix on the extended centre line.
 */
record ActiveRunway(
        String airport,
        double arpLat,
        double arpLon,
        double elevationM,
        double headingDeg,
        double thresholdLat,
        double thresholdLon,
        double fafLat,
        double fafLon,
        double fafAltitudeM) {

    /** Threshold this far before the airport reference point, so take-off rolls and landings cross the field. */
    static final double THRESHOLD_BEFORE_ARP_M = 1_200;
    /** A typical final approach fix: about 10 NM out. */
    static final double FAF_DISTANCE_M = 18_000;
    /** tan(3°), the standard glide slope. */
    static final double GLIDE_SLOPE = 0.0524;
    /** Height over the threshold on a stabilised approach. */
    static final double THRESHOLD_CROSSING_M = 15;

    static ActiveRunway of(SimProperties.Airport airport, double headingDeg) {
        double back = Geo.normalizeDeg(headingDeg + 180);
        double thrLat = Geo.offsetLat(airport.lat(), back, THRESHOLD_BEFORE_ARP_M);
        double thrLon = Geo.offsetLon(airport.lat(), airport.lon(), back, THRESHOLD_BEFORE_ARP_M);
        double fafLat = Geo.offsetLat(thrLat, back, FAF_DISTANCE_M);
        double fafLon = Geo.offsetLon(thrLat, thrLon, back, FAF_DISTANCE_M);
        double fafAlt = airport.elevationM() + THRESHOLD_CROSSING_M + FAF_DISTANCE_M * GLIDE_SLOPE;
        return new ActiveRunway(
                airport.icao(),
                airport.lat(),
                airport.lon(),
                airport.elevationM(),
                Geo.normalizeDeg(headingDeg),
                thrLat,
                thrLon,
                fafLat,
                fafLon,
                fafAlt);
    }
}
