package io.skysentinel.wire;

import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.VatsimExtras;

/**
 * The aircraft's {@code vatsim} group on the wire, and its flight plan: the fields, order and names of
 * {@link VatsimExtras} and {@link FlightPlan} (docs/vatsim.md), every key present, unknown values null.
 */
final class VatsimLayout {

    private static final WireName CID = WireName.of("cid");
    private static final WireName NAME = WireName.of("name");
    private static final WireName PILOT_RATING = WireName.of("pilot_rating");
    private static final WireName MILITARY_RATING = WireName.of("military_rating");
    private static final WireName SERVER = WireName.of("server");
    private static final WireName HEADING_MAGNETIC_DEG = WireName.of("heading_magnetic_deg");
    private static final WireName QNH_MB = WireName.of("qnh_mb");
    private static final WireName LOGON_UNIX = WireName.of("logon_unix");
    private static final WireName FLIGHT_PLAN = WireName.of("flight_plan");
    private static final int FIELDS = 9;

    private static final WireName FLIGHT_RULES = WireName.of("flight_rules");
    private static final WireName AIRCRAFT = WireName.of("aircraft");
    private static final WireName AIRCRAFT_TYPE = WireName.of("aircraft_type");
    private static final WireName DEPARTURE = WireName.of("departure");
    private static final WireName ARRIVAL = WireName.of("arrival");
    private static final WireName ALTERNATE = WireName.of("alternate");
    private static final WireName CRUISE_ALTITUDE = WireName.of("cruise_altitude");
    private static final WireName CRUISE_ALTITUDE_FT = WireName.of("cruise_altitude_ft");
    private static final WireName CRUISE_TAS_KT = WireName.of("cruise_tas_kt");
    private static final WireName ROUTE = WireName.of("route");
    private static final WireName REMARKS = WireName.of("remarks");
    private static final WireName DEPARTURE_TIME = WireName.of("departure_time");
    private static final WireName ENROUTE_TIME = WireName.of("enroute_time");
    private static final WireName FUEL_TIME = WireName.of("fuel_time");
    private static final WireName REVISION = WireName.of("revision");
    private static final int PLAN_FIELDS = 15;

    private VatsimLayout() {}

    static void write(StructWriter w, VatsimExtras v) {
        if (v == null) {
            w.nil();
            return;
        }
        w.beginObject(FIELDS);
        w.key(CID);
        w.number(v.cid());
        w.key(NAME);
        w.string(v.name());
        w.key(PILOT_RATING);
        w.numberOrNull(v.pilotRating());
        w.key(MILITARY_RATING);
        w.numberOrNull(v.militaryRating());
        w.key(SERVER);
        w.string(v.server());
        w.key(HEADING_MAGNETIC_DEG);
        w.numberOrNull(v.headingMagneticDeg());
        w.key(QNH_MB);
        w.numberOrNull(v.qnhMb());
        w.key(LOGON_UNIX);
        w.numberOrNull(v.logonUnix());
        w.key(FLIGHT_PLAN);
        writePlan(w, v.flightPlan());
        w.endObject();
    }

    private static void writePlan(StructWriter w, FlightPlan p) {
        if (p == null) {
            w.nil();
            return;
        }
        w.beginObject(PLAN_FIELDS);
        w.key(FLIGHT_RULES);
        w.string(p.flightRules());
        w.key(AIRCRAFT);
        w.string(p.aircraft());
        w.key(AIRCRAFT_TYPE);
        w.string(p.aircraftType());
        w.key(DEPARTURE);
        w.string(p.departure());
        w.key(ARRIVAL);
        w.string(p.arrival());
        w.key(ALTERNATE);
        w.string(p.alternate());
        w.key(CRUISE_ALTITUDE);
        w.string(p.cruiseAltitude());
        w.key(CRUISE_ALTITUDE_FT);
        w.numberOrNull(p.cruiseAltitudeFt());
        w.key(CRUISE_TAS_KT);
        w.numberOrNull(p.cruiseTasKt());
        w.key(ROUTE);
        w.string(p.route());
        w.key(REMARKS);
        w.string(p.remarks());
        w.key(DEPARTURE_TIME);
        w.string(p.departureTime());
        w.key(ENROUTE_TIME);
        w.string(p.enrouteTime());
        w.key(FUEL_TIME);
        w.string(p.fuelTime());
        w.key(REVISION);
        w.numberOrNull(p.revision());
        w.endObject();
    }
}
