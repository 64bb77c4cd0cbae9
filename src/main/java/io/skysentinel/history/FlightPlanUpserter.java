package io.skysentinel.history;

import io.skysentinel.core.FlightPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts flight-plan rows in bulk: one {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE} per batch of at
 * most {@code batchSize} rows, never a statement per row. A row seen again widens first_seen/last_seen and takes the
 * newer content.
 */
final class FlightPlanUpserter {

    static final String UPSERT = """
            INSERT INTO flight_plans (id, logon, plan_key, revision, source, callsign, cid, name, flight_rules,
              aircraft_type, equipment, departure, arrival, alternate, cruise_altitude, cruise_altitude_ft,
              cruise_tas_kt, route, remarks, departure_time, enroute_time, fuel_time, first_seen, last_seen)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::int8[],
              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[],
              ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
            ON CONFLICT (id, logon, plan_key) DO UPDATE SET
              first_seen = LEAST(flight_plans.first_seen, EXCLUDED.first_seen),
              last_seen = GREATEST(flight_plans.last_seen, EXCLUDED.last_seen),
              revision = EXCLUDED.revision, source = EXCLUDED.source, callsign = EXCLUDED.callsign,
              cid = EXCLUDED.cid, name = EXCLUDED.name, flight_rules = EXCLUDED.flight_rules,
              aircraft_type = EXCLUDED.aircraft_type, equipment = EXCLUDED.equipment,
              departure = EXCLUDED.departure, arrival = EXCLUDED.arrival, alternate = EXCLUDED.alternate,
              cruise_altitude = EXCLUDED.cruise_altitude, cruise_altitude_ft = EXCLUDED.cruise_altitude_ft,
              cruise_tas_kt = EXCLUDED.cruise_tas_kt, route = EXCLUDED.route, remarks = EXCLUDED.remarks,
              departure_time = EXCLUDED.departure_time, enroute_time = EXCLUDED.enroute_time,
              fuel_time = EXCLUDED.fuel_time""";

    private static final String[] TYPES = {
        "text", "text", "text", "int4", "text", "text", "int8", "text", "text", "text", "text", "text", "text", "text",
        "text", "int4", "int4", "text", "text", "text", "text", "text", "text", "text"
    };

    private final JdbcTemplate jdbc;
    private final int batchSize;

    FlightPlanUpserter(JdbcTemplate jdbc, int batchSize) {
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    void upsert(List<FlightPlanRow> rows) {
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<FlightPlanRow> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
            List<Object[]> args = new ArrayList<>(batch.size());
            for (FlightPlanRow r : batch) args.add(args(r));
            UnnestUpsert.run(jdbc, UPSERT, TYPES, args);
        }
    }

    private static Object[] args(FlightPlanRow r) {
        FlightPlan p = r.plan();
        return new Object[] {
            r.id(),
            Instant.ofEpochMilli(r.logonMs()),
            r.planKey(),
            p.revision(),
            r.source(),
            r.callsign(),
            r.cid(),
            r.name(),
            p.flightRules(),
            p.aircraftType(),
            p.aircraft(),
            p.departure(),
            p.arrival(),
            p.alternate(),
            p.cruiseAltitude(),
            p.cruiseAltitudeFt(),
            p.cruiseTasKt(),
            p.route(),
            p.remarks(),
            p.departureTime(),
            p.enrouteTime(),
            p.fuelTime(),
            Instant.ofEpochMilli(r.firstSeenMs()),
            Instant.ofEpochMilli(r.lastSeenMs())
        };
    }
}
