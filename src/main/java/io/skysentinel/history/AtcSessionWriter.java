package io.skysentinel.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records ATC sessions from the ATC hub's update stream (docs/history.md#atc-sessions): one row per position
 * connection, keyed by (callsign, logon time). Every upsert of a position refreshes its row (last update's fields,
 * {@code last_seen}); a removal (the position left the feed) sets {@code logoff} to the last update before it; a later
 * upsert of the same connection reopens it. Each batch is folded to one row per session and written with one
 * {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE}, so retrying a batch is harmless. Names are written only
 * when VATSIM_STORE_NAMES=true, and never logged.
 */
public final class AtcSessionWriter implements UpdateHandler<AtcPosition> {

    /** Sessions whose feed gave no logon time: the first time this writer saw them stands in (bounded). */
    static final int MAX_LOGON_FALLBACKS = 10_000;

    static final String UPSERT = """
            INSERT INTO atc_sessions (callsign, logon, source, cid, name, kind, facility_id, facility_short,
              rating_id, rating_short, frequency_mhz, visual_range_nm, area_kind, area_id, atis_code, last_seen, logoff)
            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::int4[],
              ?::text[], ?::int4[], ?::text[], ?::float8[], ?::int4[], ?::text[], ?::text[], ?::text[],
              ?::timestamptz[], ?::timestamptz[])
            ON CONFLICT (callsign, logon) DO UPDATE SET
              source = EXCLUDED.source, cid = EXCLUDED.cid, name = EXCLUDED.name, kind = EXCLUDED.kind,
              facility_id = EXCLUDED.facility_id, facility_short = EXCLUDED.facility_short,
              rating_id = EXCLUDED.rating_id, rating_short = EXCLUDED.rating_short,
              frequency_mhz = EXCLUDED.frequency_mhz, visual_range_nm = EXCLUDED.visual_range_nm,
              area_kind = EXCLUDED.area_kind, area_id = EXCLUDED.area_id, atis_code = EXCLUDED.atis_code,
              last_seen = GREATEST(atc_sessions.last_seen, EXCLUDED.last_seen),
              logoff = CASE
                WHEN EXCLUDED.logoff IS NOT NULL AND EXCLUDED.last_seen >= atc_sessions.last_seen THEN EXCLUDED.logoff
                WHEN EXCLUDED.logoff IS NULL AND EXCLUDED.last_seen > atc_sessions.last_seen THEN NULL
                ELSE atc_sessions.logoff END""";

    private static final String[] TYPES = {
        "text", "text", "text", "int8", "text", "text", "int4", "text", "int4", "text", "float8", "int4", "text",
        "text", "text", "text", "text"
    };

    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final boolean storeNames;
    private final Counter written, fallbackEvictions;
    private final Map<String, Long> logonFallback = new LinkedHashMap<>(16, 0.75f, true);

    public AtcSessionWriter(JdbcTemplate jdbc, int batchSize, boolean storeNames, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.storeNames = storeNames;
        this.written = Counter.builder("skysentinel.history.rows.written")
                .tag("table", "atc_sessions")
                .description("Rows written to the history database")
                .register(meters);
        this.fallbackEvictions = Counter.builder("skysentinel.history.atc.logon.fallback.evicted")
                .description("Positions without a logon time whose stand-in was forgotten (bound reached)")
                .register(meters);
    }

    /**
     * Closes the sessions a previous run left open: it cannot know when they ended. A position still online is
     * upserted again with its next update and so reopened (same callsign and logon). Returns the sessions closed.
     */
    public int closeOpen() {
        return jdbc.update("UPDATE atc_sessions SET logoff = last_seen WHERE logoff IS NULL");
    }

    @Override
    public void handle(List<Update<AtcPosition>> updates) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (Update<AtcPosition> u : updates) {
            Object[] row = row(u.state(), u instanceof Update.Removal<AtcPosition>);
            rows.put(row[0] + "\n" + row[1], row); // the last update of a session wins
        }
        List<Object[]> all = new ArrayList<>(rows.values());
        for (int from = 0; from < all.size(); from += batchSize) {
            List<Object[]> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            UnnestUpsert.run(jdbc, UPSERT, TYPES, batch);
            written.increment(batch.size());
        }
    }

    private Object[] row(AtcPosition p, boolean removed) {
        String callsign = p.callsign().strip().toUpperCase(Locale.ROOT);
        Instant lastSeen = Instant.ofEpochSecond(p.lastContactUnix());
        return new Object[] {
            callsign,
            Instant.ofEpochSecond(logonUnix(p)),
            p.source(),
            p.cid(),
            storeNames ? p.name() : null,
            p.kind(),
            p.facility() == null ? null : p.facility().id(),
            p.facility() == null ? null : p.facility().shortName(),
            p.rating() == null ? null : p.rating().id(),
            p.rating() == null ? null : p.rating().shortName(),
            p.frequencyMhz(),
            p.visualRangeNm(),
            p.area() == null ? null : p.area().kind(),
            p.area() == null ? null : p.area().id(),
            p.atisCode(),
            lastSeen,
            removed ? lastSeen : null
        };
    }

    private long logonUnix(AtcPosition p) {
        if (p.logonUnix() != null) return p.logonUnix();
        Long first = logonFallback.computeIfAbsent(p.id(), k -> p.lastContactUnix());
        if (logonFallback.size() > MAX_LOGON_FALLBACKS) {
            logonFallback.remove(logonFallback.keySet().iterator().next());
            fallbackEvictions.increment();
        }
        return first;
    }
}
