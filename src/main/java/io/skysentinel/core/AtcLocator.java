package io.skysentinel.core;

/**
 * Where an ATC position is: its callsign resolved against the reference data (airports, FIR/UIR sectors, TRACONs).
 * The port a network source uses to place its controllers; the {@code atc} package implements it.
 */
public interface AtcLocator {

    /**
     * @param callsign      the position's callsign, e.g. {@code EGLL_TWR}, {@code NY_CTR}, {@code JFK_APP}
     * @param facility      the network's facility id (VATSIM: 1 FSS, 2 DEL, 3 GND, 4 TWR/ATIS, 5 APP/DEP, 6 CTR)
     * @param visualRangeNm the position's visual range, nautical miles (the radius of a {@code range} area)
     * @return the location, or null when the callsign matches nothing known
     */
    Location locate(String callsign, int facility, double visualRangeNm);

    /** A position's place: a point to draw it at (an airport, a sector's label point) and the area it works. */
    record Location(Position position, AtcArea area) {}

    /** Knows nothing: every position is unplaced. */
    AtcLocator NONE = (callsign, facility, range) -> null;
}
