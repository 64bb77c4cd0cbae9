package io.skysentinel.history;

import io.skysentinel.core.Airport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Airports, their movements and trends, regional summaries, and stored anomaly events. */
public final class TrafficQueries {

    /** {@code source} is null for movements stored before the column existed (migration V3). */
    public record MovementRow(
            String airport, String kind, long timeMs, String id, String callsign, String runway, String source) {}

    /**
     * The {@code source} a movement query asks for: null for any source, {@link #UNKNOWN_SOURCE} for the rows stored
     * before movements had a source.
     */
    public static final String UNKNOWN_SOURCE = "unknown";

    public record TrendBucket(long startMs, long arrivals, long departures) {}

    public record AirportTraffic(String icao, String name, long arrivals, long departures) {}

    public record RegionSummary(int airports, long arrivals, long departures, List<AirportTraffic> busiest) {}

    public record EventRow(
            String kind,
            long timeMs,
            String id,
            String callsign,
            Double lat,
            Double lon,
            Double altitudeM,
            String detailsJson) {}

    private static final String AIRPORT_COLUMNS = "icao, iata, name, lat, lon, elevation_m, country, region";

    private final JdbcTemplate jdbc;

    public TrafficQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By ICAO, else IATA; case-insensitive. */
    public Optional<Airport> airport(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        return jdbc
                .query(
                        "SELECT " + AIRPORT_COLUMNS
                                + " FROM airports WHERE icao = ? OR iata = ? ORDER BY icao = ? DESC LIMIT 1",
                        (rs, i) -> airport(rs),
                        c,
                        c,
                        c)
                .stream()
                .findFirst();
    }

    /** Airports whose continent code (AF, AN, AS, EU, NA, OC, SA) or ISO country equals {@code region}, by ICAO. */
    public List<Airport> airportsIn(String region, int limit, int offset) {
        String r = region.toUpperCase(Locale.ROOT);
        return jdbc.query(
                "SELECT " + AIRPORT_COLUMNS
                        + " FROM airports WHERE region = ? OR country = ? ORDER BY icao LIMIT ? OFFSET ?",
                (rs, i) -> airport(rs),
                r,
                r,
                limit,
                offset);
    }

    public int countIn(String region) {
        String r = region.toUpperCase(Locale.ROOT);
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM airports WHERE region = ? OR country = ?", Integer.class, r, r);
        return n == null ? 0 : n;
    }

    /** Movements at the airport in [fromMs, toMs], oldest first; {@code source} as in {@link #UNKNOWN_SOURCE}. */
    public List<MovementRow> movements(String airportIcao, long fromMs, long toMs, String source, int limit) {
        List<Object> args = new ArrayList<>(List.of(airportIcao, new Timestamp(fromMs), new Timestamp(toMs)));
        String bySource = sourceCondition("source", source, args);
        args.add(limit);
        return jdbc.query(
                "SELECT airport, kind, time, id, callsign, runway, source FROM movements"
                        + " WHERE airport = ? AND time >= ? AND time <= ?" + bySource + " ORDER BY time LIMIT ?",
                (rs, i) -> new MovementRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).getTime(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)),
                args.toArray());
    }

    /** The SQL condition on {@code column} for a source filter (empty for none), adding its argument. */
    private static String sourceCondition(String column, String source, List<Object> args) {
        if (source == null) return "";
        if (source.equals(UNKNOWN_SOURCE)) return " AND " + column + " IS NULL";
        args.add(source);
        return " AND " + column + " = ?";
    }

    /** Arrivals and departures per UTC hour or day in [fromMs, toMs], empty buckets included; source as above. */
    public List<TrendBucket> trends(String airportIcao, String interval, long fromMs, long toMs, String source) {
        List<Object> args = new ArrayList<>(List.of(
                interval,
                new Timestamp(fromMs),
                interval,
                new Timestamp(toMs),
                interval,
                airportIcao,
                new Timestamp(fromMs),
                new Timestamp(toMs)));
        String bySource = sourceCondition("m.source", source, args);
        args.add(interval);
        return jdbc.query(
                "WITH b AS (SELECT generate_series(date_trunc(?, ?::timestamptz AT TIME ZONE 'UTC'),"
                        + " date_trunc(?, ?::timestamptz AT TIME ZONE 'UTC'), ('1 ' || ?)::interval) AS s)"
                        + " SELECT b.s, count(*) FILTER (WHERE m.kind = 'arrival'),"
                        + " count(*) FILTER (WHERE m.kind = 'departure')"
                        + " FROM b LEFT JOIN movements m ON m.airport = ? AND m.time >= ? AND m.time <= ?" + bySource
                        + " AND date_trunc(?, m.time AT TIME ZONE 'UTC') = b.s"
                        + " GROUP BY b.s ORDER BY b.s",
                (rs, i) -> new TrendBucket(
                        rs.getTimestamp(1, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")))
                                .getTime(),
                        rs.getLong(2),
                        rs.getLong(3)),
                args.toArray());
    }

    /**
     * Movements at the region's airports in [fromMs, toMs] and its ten busiest airports; null when no airport matches.
     */
    public RegionSummary summary(String region, long fromMs, long toMs) {
        int airports = countIn(region);
        if (airports == 0) return null;
        String r = region.toUpperCase(Locale.ROOT);
        List<AirportTraffic> per = jdbc.query(
                """
                        SELECT a.icao, a.name, count(*) FILTER (WHERE m.kind = 'arrival') AS arr,
                               count(*) FILTER (WHERE m.kind = 'departure') AS dep
                        FROM movements m JOIN airports a ON a.icao = m.airport
                        WHERE (a.region = ? OR a.country = ?) AND m.time >= ? AND m.time <= ?
                        GROUP BY a.icao, a.name ORDER BY count(*) DESC, a.icao""",
                (rs, i) -> new AirportTraffic(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                r,
                r,
                new Timestamp(fromMs),
                new Timestamp(toMs));
        long arr = per.stream().mapToLong(AirportTraffic::arrivals).sum();
        long dep = per.stream().mapToLong(AirportTraffic::departures).sum();
        return new RegionSummary(airports, arr, dep, per.subList(0, Math.min(10, per.size())));
    }

    /** Stored events in [fromMs, toMs], optionally of one kind, oldest first. */
    public List<EventRow> events(long fromMs, long toMs, String kind, int limit) {
        String sql = "SELECT kind, time, id, callsign, lat, lon, altitude_m, details::text FROM events"
                + " WHERE time >= ? AND time <= ?" + (kind == null ? "" : " AND kind = ?")
                + " ORDER BY time, event_id LIMIT ?";
        Object[] args = kind == null
                ? new Object[] {new Timestamp(fromMs), new Timestamp(toMs), limit}
                : new Object[] {new Timestamp(fromMs), new Timestamp(toMs), kind, limit};
        return jdbc.query(
                sql,
                (rs, i) -> new EventRow(
                        rs.getString(1),
                        rs.getTimestamp(2).getTime(),
                        rs.getString(3),
                        rs.getString(4),
                        dbl(rs, 5),
                        dbl(rs, 6),
                        flt(rs, 7),
                        rs.getString(8)),
                args);
    }

    private static Airport airport(ResultSet rs) throws SQLException {
        Double elev = flt(rs, 6);
        return new Airport(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getDouble(5),
                elev == null ? Double.NaN : elev,
                rs.getString(7),
                rs.getString(8));
    }

    private static Double dbl(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Double flt(ResultSet rs, int col) throws SQLException {
        float v = rs.getFloat(col);
        return rs.wasNull() ? null : Double.parseDouble(Float.toString(v));
    }
}
