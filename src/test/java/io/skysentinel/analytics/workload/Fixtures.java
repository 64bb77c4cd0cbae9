package io.skysentinel.analytics.workload;

import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;
import io.skysentinel.core.VatsimExtras;

/** Hand-made pilots and positions on the shipped reference data (no ../shared needed). */
final class Fixtures {

    private static ReferenceAirports airports;
    private static AtcReference reference;

    private Fixtures() {}

    static synchronized ReferenceAirports airports() {
        if (airports == null) airports = ReferenceAirports.load();
        return airports;
    }

    static synchronized AtcReference reference() {
        if (reference == null) reference = AtcReference.load(airports().catalog());
        return reference;
    }

    static AreaRules rules() {
        return new AreaRules(reference()::area, airports().catalog());
    }

    static Airport airport(String icao) {
        return airports().catalog().find(icao).orElseThrow();
    }

    /** The point {@code nm} from the airport's reference point on the true bearing. */
    static Position from(String icao, double nm, double bearingDeg) {
        Airport a = airport(icao);
        double[] p = Geo.destination(a.lat(), a.lon(), bearingDeg, nm * WorkloadSettings.NM);
        return new Position(p[0], p[1]);
    }

    /** A controller position as the VATSIM source places it. */
    static AtcPosition position(String callsign, String kind, String id, Position at, Integer rangeNm) {
        return new AtcPosition(
                AtcPosition.idFor("vatsim", callsign),
                callsign,
                AtcPosition.CONTROLLER,
                1,
                null,
                null,
                null,
                118.5,
                rangeNm,
                null,
                null,
                null,
                0,
                at,
                new AtcArea(kind, id, null),
                "vatsim");
    }

    static Pilot pilot(long cid) {
        return new Pilot(cid);
    }

    /** A VATSIM pilot, field by field. */
    static final class Pilot {
        private final long cid;
        private Position at = new Position(0, 0);
        private double feet = 35_000;
        private double knots = 450;
        private Double track;
        private Double climbFpm;
        private boolean onGround;
        private String departure;
        private String arrival;

        Pilot(long cid) {
            this.cid = cid;
        }

        Pilot at(Position p) {
            at = p;
            return this;
        }

        Pilot feet(double v) {
            feet = v;
            return this;
        }

        Pilot knots(double v) {
            knots = v;
            return this;
        }

        Pilot track(double v) {
            track = v;
            return this;
        }

        Pilot climbing(double fpm) {
            climbFpm = fpm;
            return this;
        }

        Pilot parked() {
            onGround = true;
            knots = 0;
            return this;
        }

        Pilot plan(String from, String to) {
            departure = from;
            arrival = to;
            return this;
        }

        Aircraft build() {
            FlightPlan plan = departure == null
                    ? null
                    : new FlightPlan(
                            "I", "B738", "B738", departure, arrival, null, "FL350", 35000, 450, "DCT", null, null, null,
                            null, 1);
            return Aircraft.builder("vatsim-" + cid, "vatsim")
                    .callsign("TST" + cid)
                    .position(at)
                    .altitudeM(feet * Geo.FEET)
                    .velocityMps(knots * Geo.KNOT_MPS)
                    .headingDeg(track)
                    .verticalRateMps(climbFpm == null ? null : climbFpm * Geo.FPM_MPS)
                    .onGround(onGround)
                    .lastContactUnix(1_700_000_000L)
                    .vatsim(new VatsimExtras(cid, null, 1, null, "TEST", null, 1013.0, null, plan))
                    .build();
        }
    }
}
