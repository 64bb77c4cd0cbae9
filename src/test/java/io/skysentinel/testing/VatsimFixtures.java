package io.skysentinel.testing;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.EntityIds;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;
import io.skysentinel.core.VatsimExtras;
import java.util.List;

/**
 * VATSIM pilots and ATC positions shaped like the recorded feed of 2024-11-21 (its callsigns, CIDs, plans and
 * frequencies), with invented names: names are personal data and the tests must show where they go.
 */
public final class VatsimFixtures {

    private VatsimFixtures() {}

    /** QFA22's plan from the 11:47:25 feed (revision 2). */
    public static FlightPlan qfa22Plan(Integer revision) {
        return new FlightPlan(
                "I",
                "B789/H-SDE1E2E3FGHIJ2J3J4J5M1RWXY/LB1D1",
                "B789",
                "KDFW",
                "YMML",
                "YSSY",
                "40000",
                40_000,
                487,
                "WORTH1 ABI DCT WIPPO DCT ILAMA DCT GRN",
                "PBN/A1B1C1D1L1O1S2 DOF/241120 REG/N899SB OPR/QFA PER/D RMK/TCAS SIMBRIEF /V/",
                "1130",
                "1730",
                "2014",
                revision);
    }

    /** A plan for pilot {@code i} of a generated fleet: N7642C's short E50P hop with a per-pilot route. */
    public static FlightPlan hopPlan(int i, Integer revision) {
        return new FlightPlan(
                "I",
                "E50P/L-L/LB2",
                "E50P",
                "SKBG",
                "SKMD",
                "SKBO",
                "FL280",
                28_000,
                398,
                "EJA2F EJA W26 DIPRA DCT RNG " + i,
                "PBN/B2D2O2S2 DOF/241120 /V/",
                "2130",
                "0036",
                "0201",
                revision);
    }

    /** A VATSIM pilot state: id vatsim-<cid>, source vatsim, airborne unless {@link Aircraft.Builder#onGround}. */
    public static Aircraft.Builder pilot(long cid, String callsign, long unix, FlightPlan plan) {
        return Aircraft.builder(EntityIds.network("vatsim", Long.toString(cid)), "vatsim")
                .callsign(callsign)
                .position(-34.4867, 152.90873)
                .altitudeM(40_370 * Geo.FEET)
                .velocityMps(489 * Geo.KNOT_MPS)
                .squawk("6247")
                .lastContactUnix(unix)
                .timePositionUnix(unix)
                .vatsim(new VatsimExtras(
                        cid, "Test Pilot " + cid, 0, 0, "USA-WEST", 238.0, 1025.0, 1_732_133_259L, plan));
    }

    /** A tower position like the feed's: EDDF_TWR 119.900 MHz, S3, at Frankfurt. */
    public static AtcPosition tower(String callsign, long cid, long logonUnix, long lastUnix, String atisCode) {
        return position(callsign, AtcPosition.CONTROLLER, cid, logonUnix, lastUnix, atisCode, 4, "TWR");
    }

    public static AtcPosition position(
            String callsign,
            String kind,
            long cid,
            long logonUnix,
            long lastUnix,
            String atisCode,
            int facility,
            String facilityShort) {
        String airport = callsign.substring(0, callsign.indexOf('_'));
        return new AtcPosition(
                AtcPosition.idFor("vatsim", callsign),
                callsign,
                kind,
                cid,
                "Test Controller " + cid,
                new AtcPosition.Code(facility, facilityShort),
                new AtcPosition.Code(4, "S3"),
                119.9,
                50,
                atisCode,
                atisCode == null ? null : List.of(airport + " information " + atisCode),
                logonUnix,
                lastUnix,
                new Position(50.0333, 8.5706),
                new AtcArea(AtcArea.AIRPORT, airport, null),
                "vatsim");
    }
}
