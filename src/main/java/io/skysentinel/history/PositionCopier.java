package io.skysentinel.history;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes position rows with one COPY per batch, PostgreSQL's fastest load path: one round trip, no per-row SQL. The
 * binary COPY format spares the server parsing timestamps and numbers from text (its main cost at this rate), and
 * rows are encoded straight into the connection's COPY stream, never into an intermediate buffer.
 *
 * <p>Positions are unique by (id, time). A batch holding a row that is already stored (a Kafka record delivered
 * again after a crash, a replay started again on the same database) fails that unique key as a whole; it is then
 * written again through a staging table with {@code ON CONFLICT DO NOTHING}, so the rows already there are skipped
 * and the others written. The fast path costs nothing extra when nothing repeats.
 */
public final class PositionCopier {

    static final String COLUMNS = "time, id, callsign, lat, lon, baro_altitude_m, geo_altitude_m, velocity_mps,"
            + " heading_deg, vertical_rate_mps, on_ground, squawk, source";
    static final String COPY = "COPY positions (" + COLUMNS + ") FROM STDIN (FORMAT binary)";
    static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS positions_stage"
            + " (LIKE positions INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    static final String COPY_STAGE = "COPY positions_stage (" + COLUMNS + ") FROM STDIN (FORMAT binary)";
    static final String MERGE = "INSERT INTO positions (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM positions_stage ON CONFLICT DO NOTHING";
    private static final String UNIQUE_VIOLATION = "23505";
    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix ms. */
    private static final long PG_EPOCH_MS = 946_684_800_000L;

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private final DataSource dataSource;
    private long conflicts;

    public PositionCopier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes {@code rows} (skipping any already stored); returns the rows in the batch. */
    public long copy(List<PositionRow> rows) throws SQLException {
        if (rows.isEmpty()) return 0;
        try (Connection c = dataSource.getConnection()) {
            try {
                stream(c, COPY, rows);
                return rows.size();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
            }
            conflicts++;
            return merge(c, rows);
        }
    }

    /** The slow path: COPY into a per-connection staging table, then insert what is not stored yet. */
    private long merge(Connection c, List<PositionRow> rows) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(STAGE);
            stream(c, COPY_STAGE, rows);
            s.executeUpdate(MERGE);
            c.commit();
            return rows.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Batches that repeated a stored row and went through the staging table. */
    public long conflicts() {
        return conflicts;
    }

    private static void stream(Connection c, String sql, List<PositionRow> rows) throws SQLException {
        PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), sql);
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(copy, STREAM_BUFFER_BYTES));
            write(out, rows);
            out.flush();
            copy.endCopy();
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) throw cause;
            throw new SQLException("COPY stream failed", e);
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** COPY binary format: signature, flags, header extension; per row a field count and length-prefixed fields. */
    static void write(DataOutputStream out, List<PositionRow> rows) throws IOException {
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
        for (PositionRow r : rows) {
            out.writeShort(13);
            out.writeInt(8);
            out.writeLong((r.timeMs() - PG_EPOCH_MS) * 1000); // timestamptz: µs since 2000-01-01 UTC
            text(out, r.id());
            text(out, r.callsign());
            out.writeInt(8);
            out.writeDouble(r.lat());
            out.writeInt(8);
            out.writeDouble(r.lon());
            real(out, r.baroAltitudeM());
            real(out, r.geoAltitudeM());
            real(out, r.velocityMps());
            real(out, r.headingDeg());
            real(out, r.verticalRateMps());
            out.writeInt(1);
            out.writeByte(r.onGround() ? 1 : 0);
            text(out, r.squawk());
            text(out, r.source());
        }
        out.writeShort(-1);
    }

    private static void real(DataOutputStream out, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(4);
        out.writeFloat(v.floatValue());
    }

    private static void text(DataOutputStream out, String v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
