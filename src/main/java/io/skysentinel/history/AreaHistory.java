package io.skysentinel.history;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.StateBucket;
import io.skysentinel.core.VatsimExtras;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The sky of one network over a range, cut into fixed buckets, for the workload trend and the sectors over time
 * (docs/vatsim.md#workload-and-prediction): per bucket, the latest stored state of every flight seen in it, with the
 * departure and arrival of the plan it had filed by then. A flight seen in a bucket counts in it even if it left
 * before the bucket's end: the bucket is "what the picture held during those minutes", not one instant.
 */
public final class AreaHistory {

    /** A plan filed during [firstSeenMs, lastSeenMs] (the connection's plan while it flew it). */
    public record FiledPlan(String id, String departure, String arrival, long firstSeenMs, long lastSeenMs) {}

    /** One ATC session's area and when it was online: until its logoff, or its last update while it is online. */
    public record StaffedSpan(String areaKind, String areaId, long logonMs, long untilMs) {}

    /** Longest range one call reads, so a request cannot scan the whole table. */
    public static final long MAX_RANGE_MS = 24 * 3_600_000L;

    private static final String BUCKETS = """
            SELECT s.b, s.time, s.id, s.callsign, s.lat, s.lon, s.baro_altitude_m, s.geo_altitude_m, s.velocity_mps,
                   s.heading_deg, s.vertical_rate_mps, s.on_ground, s.squawk, s.source, fp.departure, fp.arrival
              FROM (SELECT DISTINCT ON (id, b) floor((extract(epoch FROM time) * 1000 - ?) / ?)::bigint AS b, *
                      FROM positions
                     WHERE time >= ? AND time < ? AND source = ? %s
                     ORDER BY id, b, time DESC) s
              LEFT JOIN LATERAL (SELECT departure, arrival FROM flight_plans f
                                  WHERE f.id = s.id AND f.first_seen <= s.time
                                  ORDER BY f.first_seen DESC LIMIT 1) fp ON true
            """;

    private static final String STAFFED = """
            SELECT area_kind, area_id, logon, coalesce(logoff, last_seen) FROM atc_sessions
             WHERE source = ? AND kind = 'controller' AND area_kind IS NOT NULL
               AND logon < ? AND coalesce(logoff, last_seen) >= ?
            """;

    private final JdbcTemplate jdbc;

    public AreaHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every bucket of [fromMs, toMs) in order, empty ones included.
     *
     * @param box the area's bounds, or null for the whole world
     * @throws IllegalArgumentException for a range longer than {@link #MAX_RANGE_MS} or a step that is not positive
     */
    public List<StateBucket> buckets(String source, BoundingBox box, long fromMs, long toMs, long stepMs) {
        if (stepMs <= 0) throw new IllegalArgumentException("step must be positive");
        if (toMs - fromMs > MAX_RANGE_MS) throw new IllegalArgumentException("range must be at most 24 hours");
        int n = (int) Math.max(0, (toMs - fromMs + stepMs - 1) / stepMs);
        List<List<Aircraft>> states = new ArrayList<>(n);
        for (int i = 0; i < n; i++) states.add(new ArrayList<>());
        List<Object> args =
                new ArrayList<>(List.of(fromMs, stepMs, new Timestamp(fromMs), new Timestamp(toMs), source));
        String where = "";
        if (box != null) {
            where = "AND lat BETWEEN ? AND ? "
                    + (box.crossesAntimeridian() ? "AND (lon >= ? OR lon <= ?)" : "AND lon BETWEEN ? AND ?");
            args.addAll(List.of(box.lamin(), box.lamax(), box.lomin(), box.lomax()));
        }
        jdbc.query(
                BUCKETS.formatted(where),
                (RowCallbackHandler) rs -> {
                    int b = (int) rs.getLong(1);
                    if (b < 0 || b >= n) return;
                    Aircraft a = PositionQueries.toAircraft(PositionQueries.row(rs, 2));
                    String dep = rs.getString(15);
                    String arr = rs.getString(16);
                    states.get(b).add(a.toBuilder().vatsim(planOnly(dep, arr)).build());
                },
                args.toArray());
        List<StateBucket> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new StateBucket(fromMs + i * stepMs, states.get(i)));
        return out;
    }

    /** The plans of {@code source} flights that were filed at some time in [fromMs, toMs), latest per flight. */
    public List<FiledPlan> plans(String source, long fromMs, long toMs) {
        Map<String, FiledPlan> latest = new TreeMap<>();
        jdbc.query(
                "SELECT id, departure, arrival, first_seen, last_seen FROM flight_plans"
                        + " WHERE source = ? AND first_seen < ? AND last_seen >= ? ORDER BY id, first_seen",
                (RowCallbackHandler) rs -> {
                    FiledPlan p = new FiledPlan(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).getTime(),
                            rs.getTimestamp(5).getTime());
                    latest.merge(p.id(), p, (a, b) -> b); // ordered by first_seen: the later plan wins
                },
                source,
                new Timestamp(toMs),
                new Timestamp(fromMs));
        return List.copyOf(latest.values());
    }

    /** The ATC sessions with an area that were online at some time in [fromMs, toMs). */
    public List<StaffedSpan> staffed(String source, long fromMs, long toMs) {
        return jdbc.query(
                STAFFED,
                (rs, i) -> new StaffedSpan(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).getTime(),
                        rs.getTimestamp(4).getTime()),
                source,
                new Timestamp(toMs),
                new Timestamp(fromMs));
    }

    /** A VATSIM group holding only the plan's airports: what the workload rules read from a stored state. */
    private static VatsimExtras planOnly(String departure, String arrival) {
        FlightPlan plan = departure == null && arrival == null
                ? null
                : new FlightPlan(
                        null, null, null, departure, arrival, null, null, null, null, null, null, null, null, null,
                        null);
        return new VatsimExtras(0, null, null, null, null, null, null, null, plan);
    }
}
