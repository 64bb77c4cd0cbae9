package io.skysentinel.analytics.workload;

/**
 * A position's workload at one feed: the aircraft in its area by phase, and the flight plans filed to and from its
 * airports by every pilot online (in the area or not). ATIS and unplaced positions have all zeros.
 *
 * @param callsign        the position
 * @param facility        what it works
 * @param departing       aircraft in the area departing one of its airports
 * @param arriving        aircraft in the area arriving at one of its airports
 * @param overflying      airborne aircraft in the area, neither
 * @param onGround        aircraft in the area on the ground
 * @param filedArrivals   pilots online whose plan arrives at one of its airports
 * @param filedDepartures pilots online whose plan departs from one of its airports
 */
public record WorkloadNow(
        String callsign,
        Facility facility,
        int departing,
        int arriving,
        int overflying,
        int onGround,
        int filedArrivals,
        int filedDepartures) {

    /** Aircraft in the area. */
    public int total() {
        return departing + arriving + overflying + onGround;
    }
}
