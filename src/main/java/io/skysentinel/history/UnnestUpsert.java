package io.skysentinel.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One multi-row statement per batch: every column goes as one array parameter and the SQL reads the rows with
 * {@code unnest(?::text[], ?::int8[], …)}, so a batch of any size is a single INSERT … ON CONFLICT whatever the
 * driver's batching settings. Times go as ISO-8601 text (the SQL casts {@code ?::timestamptz[]}), so no session time
 * zone can shift them. Callers must not repeat a conflict key within one batch (PostgreSQL refuses to update a row
 * twice in one statement): they fold their rows by key first.
 */
final class UnnestUpsert {

    private UnnestUpsert() {}

    /**
     * Runs {@code sql} with one array per column; {@code types} are the arrays' element types as the driver names
     * them ({@code text}, {@code int8}, {@code int4}, {@code float8}); an {@link Instant} value is sent as text.
     */
    static int run(JdbcTemplate jdbc, String sql, String[] types, List<Object[]> rows) {
        if (rows.isEmpty()) return 0;
        Integer n = jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int c = 0; c < types.length; c++) ps.setArray(c + 1, column(con, types[c], rows, c));
                return ps.executeUpdate();
            }
        });
        return n == null ? 0 : n;
    }

    private static Array column(Connection con, String type, List<Object[]> rows, int c) throws SQLException {
        // typed arrays: the driver picks its encoder by the array's element class
        Object[] values = switch (type) {
            case "int8" -> new Long[rows.size()];
            case "int4" -> new Integer[rows.size()];
            case "float8" -> new Double[rows.size()];
            case "bool" -> new Boolean[rows.size()];
            default -> new String[rows.size()];
        };
        for (int r = 0; r < values.length; r++) {
            Object v = rows.get(r)[c];
            values[r] = v instanceof Instant i ? i.toString() : v;
        }
        return con.createArrayOf(type, values);
    }
}
