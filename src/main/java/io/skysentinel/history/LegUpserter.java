package io.skysentinel.history;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts flight legs in bulk: one batched INSERT … ON CONFLICT DO UPDATE (the driver's reWriteBatchedInserts turns
 * the batch into multi-row statements), never a statement per leg.
 */
public final class LegUpserter {

    static final String UPSERT = """
            INSERT INTO flights
              (id, first_seen, last_seen, callsign, departure_airport, arrival_airport, max_altitude_m)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id, first_seen) DO UPDATE SET
              last_seen = GREATEST(flights.last_seen, EXCLUDED.last_seen),
              callsign = COALESCE(EXCLUDED.callsign, flights.callsign),
              departure_airport = COALESCE(flights.departure_airport, EXCLUDED.departure_airport),
              arrival_airport = COALESCE(EXCLUDED.arrival_airport, flights.arrival_airport),
              max_altitude_m = GREATEST(flights.max_altitude_m, EXCLUDED.max_altitude_m)""";

    private final JdbcTemplate jdbc;

    public LegUpserter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(List<FlightLegs.Leg> legs) {
        if (legs.isEmpty()) return;
        List<Object[]> args = new ArrayList<>(legs.size());
        for (FlightLegs.Leg l : legs)
            args.add(new Object[] {
                l.id(),
                new Timestamp(l.firstSeenMs()),
                new Timestamp(l.lastSeenMs()),
                l.callsign(),
                l.departure(),
                l.arrival(),
                l.maxAltitudeM() == null ? null : l.maxAltitudeM().floatValue()
            });
        int[] types = {
            Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.REAL
        };
        jdbc.batchUpdate(UPSERT, args, types);
    }
}
