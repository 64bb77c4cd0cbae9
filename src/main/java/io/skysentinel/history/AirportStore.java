package io.skysentinel.history;

import io.skysentinel.core.Airport;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code airports} reference table: bulk upsert by ICAO (batched, rewritten into multi-row statements). */
public final class AirportStore {

    static final String UPSERT = """
            INSERT INTO airports (icao, iata, name, lat, lon, elevation_m, country, region)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (icao) DO UPDATE SET iata = EXCLUDED.iata, name = EXCLUDED.name, lat = EXCLUDED.lat,
              lon = EXCLUDED.lon, elevation_m = EXCLUDED.elevation_m, country = EXCLUDED.country,
              region = EXCLUDED.region""";
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;

    public AirportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates; the last of duplicate ICAO codes in one call wins. Returns the airports written. */
    public int upsert(List<Airport> airports) {
        java.util.Map<String, Airport> unique = new java.util.LinkedHashMap<>();
        for (Airport a : airports) unique.put(a.icao().toUpperCase(java.util.Locale.ROOT), a);
        List<Object[]> args = new ArrayList<>(unique.size());
        unique.forEach((icao, a) -> args.add(new Object[] {
            icao,
            a.iata(),
            a.name(),
            a.lat(),
            a.lon(),
            Double.isFinite(a.elevationM()) ? (float) a.elevationM() : null,
            a.country(),
            a.region()
        }));
        int[] types = {
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.DOUBLE,
            Types.DOUBLE,
            Types.REAL,
            Types.VARCHAR,
            Types.VARCHAR
        };
        // Each chunk is its own statement batch; ON CONFLICT would reject one multi-row statement repeating a key,
        // which the de-duplication above rules out.
        for (int i = 0; i < args.size(); i += BATCH)
            jdbc.batchUpdate(UPSERT, args.subList(i, Math.min(args.size(), i + BATCH)), types);
        return args.size();
    }
}
