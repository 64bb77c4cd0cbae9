package io.skysentinel.history;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import io.skysentinel.core.EntityIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Reads positions back: trails, the sky at a past moment, and the rows a playback replays. */
public final class PositionQueries {

    private static final String COLUMNS = "time, id, callsign, lat, lon, baro_altitude_m, geo_altitude_m,"
            + " velocity_mps, heading_deg, vertical_rate_mps, on_ground, squawk, source";

    private final JdbcTemplate jdbc;

    public PositionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One aircraft's positions in [fromMs, toMs], oldest first, at most {@code limit}. */
    public List<PositionRow> track(String id, long fromMs, long toMs, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM positions WHERE id = ? AND time >= ? AND time <= ?"
                        + " ORDER BY time LIMIT ?",
                (rs, i) -> row(rs),
                id,
                new Timestamp(fromMs),
                new Timestamp(toMs),
                limit);
    }

    /**
     * The latest position of every aircraft seen in (atMs − windowMs, atMs], optionally inside a box: what the live
     * picture showed at that moment, given the same stale threshold. Touches only the window's partitions.
     */
    public List<PositionRow> snapshot(long atMs, long windowMs, BoundingBox box) {
        List<Object> args = new ArrayList<>(List.of(new Timestamp(atMs - windowMs), new Timestamp(atMs)));
        StringBuilder sql = new StringBuilder(
                "SELECT DISTINCT ON (id) " + COLUMNS + " FROM positions WHERE time > ? AND time <= ?");
        if (box != null) {
            sql.append(" AND lat BETWEEN ? AND ?");
            args.add(box.lamin());
            args.add(box.lamax());
            sql.append(box.crossesAntimeridian() ? " AND (lon >= ? OR lon <= ?)" : " AND lon BETWEEN ? AND ?");
            args.add(box.lomin());
            args.add(box.lomax());
        }
        sql.append(" ORDER BY id, time DESC");
        return jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
    }

    /** Streams the positions in [fromMs, toMs) in time order to {@code sink} (a playback reads in slices). */
    public void range(long fromMs, long toMs, java.util.function.Consumer<PositionRow> sink) {
        jdbc.query(
                "SELECT " + COLUMNS + " FROM positions WHERE time >= ? AND time < ? ORDER BY time",
                (RowCallbackHandler) rs -> sink.accept(row(rs)),
                new Timestamp(fromMs),
                new Timestamp(toMs));
    }

    /** A stored row in the live shape, so history can be served (and played back) like the live picture. */
    public static Aircraft toAircraft(PositionRow r) {
        long s = Math.floorDiv(r.timeMs(), 1000);
        return Aircraft.builder(r.id(), r.source())
                .icao24(EntityIds.icao24Of(r.id()))
                .callsign(r.callsign())
                .position(r.lat(), r.lon())
                .altitudeM(r.baroAltitudeM())
                .geoAltitudeM(r.geoAltitudeM())
                .velocityMps(r.velocityMps())
                .headingDeg(r.headingDeg())
                .verticalRateMps(r.verticalRateMps())
                .onGround(r.onGround())
                .squawk(r.squawk())
                .timePositionUnix(s)
                .lastContactUnix(s)
                .build();
    }

    static PositionRow row(ResultSet rs) throws SQLException {
        return row(rs, 1);
    }

    /** The row from {@link #COLUMNS} read from column {@code first} on. */
    static PositionRow row(ResultSet rs, int first) throws SQLException {
        int c = first - 1;
        return new PositionRow(
                rs.getTimestamp(c + 1).getTime(),
                rs.getString(c + 2),
                rs.getString(c + 3),
                rs.getDouble(c + 4),
                rs.getDouble(c + 5),
                num(rs, c + 6),
                num(rs, c + 7),
                num(rs, c + 8),
                num(rs, c + 9),
                num(rs, c + 10),
                rs.getBoolean(c + 11),
                rs.getString(c + 12),
                rs.getString(c + 13));
    }

    private static Double num(ResultSet rs, int col) throws SQLException {
        float v = rs.getFloat(col);
        return rs.wasNull()
                ? null
                : Double.parseDouble(Float.toString(v)); // real column: the float's own digits, not 11000.0000001
    }
}
