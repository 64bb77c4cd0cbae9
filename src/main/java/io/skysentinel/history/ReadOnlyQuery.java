package io.skysentinel.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs one operator's statement (POST /api/database/query) so that it can only read, whatever it says: after
 * {@link StatementCheck}, on a pool of its own that logs in as the reader role (migration V6: SELECT on the history
 * tables and nothing else; a role of its own, not SET ROLE from the application's, which a {@code set_config('role',
 * …)} inside the statement could undo), in a READ ONLY transaction that is always rolled back, under a
 * statement_timeout, with a row bound (one more row is fetched to tell that the answer was cut).
 */
public final class ReadOnlyQuery implements AutoCloseable {

    public record Column(String name, String type) {}

    public record Result(List<Column> columns, List<List<Object>> rows, boolean truncated, long elapsedMs) {}

    /** The database refused or failed the statement (permission, read-only, timeout, syntax): the client's doing. */
    public static final class DatabaseRefusedException extends RuntimeException {
        private final String sqlState;

        DatabaseRefusedException(SQLException e) {
            super(e.getMessage());
            this.sqlState = e.getSQLState();
        }

        public String sqlState() {
            return sqlState;
        }
    }

    /** The reader role cannot connect (an external database where it was not set up, or the database is down). */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(SQLException e) {
            super(e.getMessage(), e);
        }
    }

    private final DataSource readers;
    private final QuerySettings settings;

    /** @param readers connections logged in as the reader role */
    public ReadOnlyQuery(DataSource readers, QuerySettings settings) {
        this.readers = readers;
        this.settings = settings;
    }

    public int maxRows() {
        return settings.maxRows();
    }

    /** Checks {@code sql} and runs it; at most {@code maxRows} rows (1..{@link #maxRows()}) come back. */
    public Result run(String sql, int maxRows) {
        StatementCheck.check(sql);
        return runUnchecked(sql, maxRows);
    }

    /** Without the statement check: what the database alone allows (tests prove the role holds without the check). */
    Result runUnchecked(String sql, int maxRows) {
        int limit = Math.max(1, Math.min(maxRows, settings.maxRows()));
        Connection c;
        try {
            c = readers.getConnection();
        } catch (SQLException e) {
            throw new UnavailableException(e);
        }
        try (c) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                    s.execute("SET LOCAL statement_timeout = "
                            + settings.timeout().toMillis());
                }
                long start = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.setMaxRows(limit + 1);
                    s.setFetchSize(Math.min(limit + 1, 1000)); // a cursor: the bound holds in memory too
                    if (!s.execute(sql)) return new Result(List.of(), List.of(), false, ms(start));
                    try (ResultSet rs = s.getResultSet()) {
                        return read(rs, limit, start);
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("08")) throw new UnavailableException(e);
            throw new DatabaseRefusedException(e);
        }
    }

    private static Result read(ResultSet rs, int limit, long start) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) columns.add(new Column(md.getColumnLabel(i), md.getColumnTypeName(i)));
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == limit) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) row.add(value(rs, i));
            rows.add(row);
        }
        return new Result(columns, rows, truncated, ms(start));
    }

    /** Numbers, booleans and text as themselves; times as ISO-8601 instants; bytes as hex; else PostgreSQL's text. */
    static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Double d) return Double.isFinite(d) ? d : d.toString();
        if (v instanceof Float f) return Float.isFinite(f) ? f : f.toString();
        if (v instanceof Number) return v;
        if (v instanceof Timestamp t) return t.toInstant().toString();
        if (v instanceof byte[] b) return "\\x" + HexFormat.of().formatHex(b);
        return rs.getString(i);
    }

    /** Closes the reader pool (when it is one that closes). */
    @Override
    public void close() throws Exception {
        if (readers instanceof AutoCloseable pool) pool.close();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
