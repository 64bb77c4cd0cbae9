package io.skysentinel.history;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day partitions of {@code positions} (UTC days, named positions_yyyymmdd). Created ahead on a schedule and on
 * demand before a batch that reaches a new day; rows of a day that could not get its own partition land in the
 * default partition, so an insert never fails. Retention drops whole partitions.
 */
public final class Partitions {

    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcTemplate jdbc;
    /** Days known to have a partition (or known to be impossible); bounded by retention plus days ahead in practice. */
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    public Partitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String name(LocalDate day) {
        return "positions_" + NAME.format(day);
    }

    public static LocalDate dayOf(long epochMs) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMs, 86_400_000L));
    }

    /** Makes sure {@code day} has its own partition. */
    public void ensure(LocalDate day) {
        if (known.contains(day)) return;
        String from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        try {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF positions FOR VALUES FROM ('" + from
                    + "') TO ('" + to + "')");
        } catch (DataAccessException e) {
            // The default partition already holds rows of this day: they stay there (still queried, still retained).
            log.warn(
                    "No own partition for {}; its rows stay in positions_default: {}",
                    day,
                    e.getMostSpecificCause().getMessage());
        }
        known.add(day);
    }

    /** Today and the next {@code days} days. */
    public void ensureAhead(LocalDate today, int days) {
        for (int i = 0; i <= days; i++) ensure(today.plusDays(i));
    }

    /** Drops day partitions wholly before {@code firstKept} and deletes older rows from the default partition. */
    public List<String> dropBefore(LocalDate firstKept) {
        List<String> dropped = new ArrayList<>();
        for (String table : list()) {
            LocalDate day = LocalDate.parse(table.substring("positions_".length()), NAME);
            if (day.isBefore(firstKept)) {
                jdbc.execute("DROP TABLE IF EXISTS " + table);
                known.remove(day);
                dropped.add(table);
            }
        }
        jdbc.update(
                "DELETE FROM positions_default WHERE time < ?",
                java.sql.Timestamp.from(firstKept.atStartOfDay(ZoneOffset.UTC).toInstant()));
        if (!dropped.isEmpty()) log.info("Retention dropped {}", dropped);
        return dropped;
    }

    private static final String DAY_PARTITIONS = """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'positions' AND c.relname ~ '^positions_[0-9]{8}$' ORDER BY c.relname""";

    /** The day partitions that exist, oldest first (the default partition excluded). */
    public List<String> list() {
        return jdbc.queryForList(DAY_PARTITIONS, String.class);
    }
}
