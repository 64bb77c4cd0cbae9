package io.skysentinel.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

/** Past sessions of an ATC position (docs/history.md#atc-sessions). */
public final class AtcSessionQueries {

    /**
     * One stored session; times epoch ms, {@code logoffMs} null while online; ids and short names null when the feed
     * gave none; {@code name} null unless names are stored.
     */
    public record Session(
            String callsign,
            long cid,
            String name,
            String kind,
            Integer facilityId,
            String facilityShort,
            Integer ratingId,
            String ratingShort,
            Double frequencyMhz,
            Integer visualRangeNm,
            String areaKind,
            String areaId,
            String atisCode,
            long logonMs,
            long lastSeenMs,
            Long logoffMs) {}

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public AtcSessionQueries(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position's sessions that started before {@code beforeMs} (null: any), newest first. */
    public List<Session> sessions(String callsign, Long beforeMs, int limit) {
        String cs = callsign.strip().toUpperCase(Locale.ROOT);
        String sql = "SELECT callsign, cid, name, kind, facility_id, facility_short, rating_id, rating_short,"
                + " frequency_mhz, visual_range_nm, area_kind, area_id, atis_code, logon, last_seen, logoff"
                + " FROM atc_sessions WHERE callsign = ?" + (beforeMs == null ? "" : " AND logon < ?")
                + " ORDER BY logon DESC LIMIT ?";
        Object[] args = beforeMs == null ? new Object[] {cs, limit} : new Object[] {cs, new Timestamp(beforeMs), limit};
        return jdbc.query(sql, (rs, i) -> session(rs), args);
    }

    private static Session session(ResultSet rs) throws SQLException {
        Timestamp logoff = rs.getTimestamp(16);
        return new Session(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Integer.class),
                rs.getString(6),
                rs.getObject(7, Integer.class),
                rs.getString(8),
                rs.getObject(9, Double.class),
                rs.getObject(10, Integer.class),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).getTime(),
                rs.getTimestamp(15).getTime(),
                logoff == null ? null : logoff.getTime());
    }
}
