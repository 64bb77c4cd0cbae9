package io.skysentinel.history;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the history database holds: migrations applied, size, partitions, tables with row estimates. */
public final class DatabaseInfo {

    public record Migration(String version, String description, long installedOnMs, boolean success) {}

    /** rowsEstimate from the planner's statistics (pg_class.reltuples; 0 before the first ANALYZE). */
    public record Table(String name, long rowsEstimate, long sizeBytes) {}

    private final JdbcTemplate jdbc;

    public DatabaseInfo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Migration> migrations() {
        return jdbc.query(
                "SELECT version, description, installed_on, success FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL ORDER BY installed_rank",
                (rs, i) -> new Migration(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).getTime(), rs.getBoolean(4)));
    }

    public long databaseBytes() {
        Long n = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        return n == null ? 0 : n;
    }

    public String serverVersion() {
        return jdbc.queryForObject("SHOW server_version", String.class);
    }

    private static final String PARTITIONS = """
            SELECT c.relname, greatest(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'positions' ORDER BY c.relname""";

    /** The positions partitions (day partitions and the default one), by name. */
    public List<Table> partitions() {
        return jdbc.query(PARTITIONS, (rs, i) -> new Table(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    /** The application's tables; a partitioned table's figures are its partitions' sums. */
    public List<Table> tables() {
        return jdbc.query("""
                SELECT c.relname,
                       CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(greatest(k.reltuples, 0)), 0)
                                                       FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid
                                                       WHERE i.inhparent = c.oid)
                            ELSE greatest(c.reltuples, 0) END::bigint,
                       CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0)
                                                       FROM pg_inherits i WHERE i.inhparent = c.oid)
                            ELSE pg_total_relation_size(c.oid) END::bigint
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY c.relname""", (rs, i) -> new Table(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }
}
