package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema, bulk writes, partitions and retention, legs, airports and analytics rows on a real embedded PostgreSQL. */
class HistoryStorageIT {

    static TestDatabase db;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void migrationsCreateEveryTableFromAnEmptyDatabase() {
        assertThat(db.jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .contains("1");
        assertThat(db.jdbc.queryForList(
                        "SELECT relname FROM pg_class WHERE relkind IN ('r','p') AND relnamespace = 'public'::"
                                + "regnamespace",
                        String.class))
                .contains("positions", "positions_default", "flights", "movements", "events", "airports");
        assertThat(db.jdbc.queryForObject(
                        "SELECT relkind::text FROM pg_class WHERE relname = 'positions'", String.class))
                .isEqualTo("p");
        assertThat(db.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'positions'", String.class))
                .contains("positions_time_brin", "positions_id_time");
    }

    @Test
    void aBatchRepeatingStoredRowsAddsOnlyTheNewOnesThroughTheStagingTable() throws Exception {
        long t0 = Instant.parse("2031-03-02T10:00:00Z").toEpochMilli();
        new Partitions(db.jdbc).ensure(Partitions.dayOf(t0));
        PositionCopier copier = new PositionCopier(db.dataSource);
        List<PositionRow> first = new ArrayList<>(), again = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            PositionRow r = new PositionRow(
                    t0 + i * 1000L, "dd0001", "DUP1", 45, 7, 1000.0, null, 200.0, 90.0, 0.0, false, null, "replay");
            first.add(r);
            if (i % 2 == 0) again.add(r); // every other one again (a redelivery)...
        }
        for (int i = 1_000; i < 1_500; i++) // ...and 500 that are new
        again.add(new PositionRow(
                t0 + i * 1000L, "dd0001", "DUP1", 45, 7, 1000.0, null, 200.0, 90.0, 0.0, false, null, "replay"));
        copier.copy(first);
        assertThat(copier.conflicts()).isZero();
        copier.copy(again);
        assertThat(copier.conflicts()).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM positions WHERE id = 'dd0001'"))
                .isEqualTo(1_500);
        assertThat(db.count("SELECT count(DISTINCT time) FROM positions WHERE id = 'dd0001'"))
                .isEqualTo(1_500);
        copier.copy(again); // all of it stored already: nothing changes, nothing fails
        assertThat(db.count("SELECT count(*) FROM positions WHERE id = 'dd0001'"))
                .isEqualTo(1_500);
    }

    @Test
    void copyWritesEveryRowOfABulkBatchWithItsFields() throws Exception {
        long t0 = Instant.parse("2031-03-01T10:00:00Z").toEpochMilli();
        new Partitions(db.jdbc).ensure(Partitions.dayOf(t0));
        List<PositionRow> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++)
            rows.add(new PositionRow(
                    t0 + i * 1000L,
                    String.format("c%05x", i % 500),
                    i % 2 == 0 ? "AB\tC\\1" : null,
                    45 + i * 1e-4,
                    7 - i * 1e-4,
                    i % 3 == 0 ? null : 1000.0 + i,
                    null,
                    230.5,
                    90.25,
                    -2.5,
                    i % 7 == 0,
                    "7700",
                    "sim"));
        assertThat(new PositionCopier(db.dataSource).copy(rows)).isEqualTo(20_000);
        assertThat(db.count(
                        "SELECT count(*) FROM positions WHERE time >= ? AND time < ?",
                        new java.sql.Timestamp(t0),
                        new java.sql.Timestamp(t0 + 86_400_000)))
                .isEqualTo(20_000);
        // Each row went to its day partition, not the default one.
        assertThat(db.count("SELECT count(*) FROM " + Partitions.name(Partitions.dayOf(t0))))
                .isEqualTo(20_000);

        List<PositionRow> track = new PositionQueries(db.jdbc).track("c00000", t0, t0 + 86_400_000, 100);
        assertThat(track).hasSize(40);
        // i = 0: null altitudes, a callsign with a tab and a backslash (escaped in the COPY text), on the ground.
        assertThat(track.getFirst()).isEqualTo(rows.getFirst());
        assertThat(track.get(1).timeMs()).isEqualTo(t0 + 500_000);
    }

    @Test
    void retentionDropsWholeOldPartitionsAndKeepsRecentOnes() {
        Partitions p = new Partitions(db.jdbc);
        LocalDate today = LocalDate.parse("2031-06-15");
        LocalDate old = today.minusDays(40), edge = today.minusDays(30);
        p.ensure(old);
        p.ensure(edge);
        p.ensureAhead(today, 2);
        assertThat(p.list())
                .contains(
                        Partitions.name(old),
                        Partitions.name(edge),
                        Partitions.name(today),
                        Partitions.name(today.plusDays(2)));
        insertAt(old.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600));
        insertAt(edge.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600));
        insertAt(Instant.parse("2031-04-20T00:00:00Z")); // no partition of its own: lands in the default one
        assertThat(db.count("SELECT count(*) FROM positions_default WHERE id = 'dead01'"))
                .isEqualTo(1);

        List<String> dropped = p.dropBefore(today.minusDays(30));

        assertThat(dropped).contains(Partitions.name(old)).doesNotContain(Partitions.name(edge));
        assertThat(p.list())
                .doesNotContain(Partitions.name(old))
                .contains(Partitions.name(edge), Partitions.name(today));
        assertThat(db.count("SELECT count(*) FROM positions WHERE id = 'dead01'"))
                .isEqualTo(1); // the edge day's row
        assertThat(db.count("SELECT count(*) FROM positions_default WHERE id = 'dead01'"))
                .isZero();
    }

    private void insertAt(Instant t) {
        db.jdbc.update(
                "INSERT INTO positions (time, id, lat, lon, on_ground, source) VALUES (?, 'dead01', 1, 1, false, 't')",
                java.sql.Timestamp.from(t));
    }

    @Test
    void legsAreUpsertedInBulkAndGrow() {
        LegUpserter up = new LegUpserter(db.jdbc);
        long t = Instant.parse("2031-05-01T08:00:00Z").toEpochMilli();
        up.upsert(List.of(
                new FlightLegs.Leg("aa0001", t, t + 60_000, "SWR1", "LSZH", null, 3000.0),
                new FlightLegs.Leg("aa0002", t, t + 60_000, null, null, null, null)));
        up.upsert(List.of(new FlightLegs.Leg("aa0001", t, t + 3_600_000, null, null, "EGLL", 11000.0)));
        Map<String, Object> leg = db.jdbc.queryForMap("SELECT * FROM flights WHERE id = 'aa0001'");
        assertThat(leg.get("callsign")).isEqualTo("SWR1");
        assertThat(leg.get("departure_airport")).isEqualTo("LSZH");
        assertThat(leg.get("arrival_airport")).isEqualTo("EGLL");
        assertThat(((Number) leg.get("max_altitude_m")).doubleValue()).isEqualTo(11000.0);
        assertThat(((java.sql.Timestamp) leg.get("last_seen")).getTime()).isEqualTo(t + 3_600_000);
        assertThat(db.count("SELECT count(*) FROM flights WHERE id LIKE 'aa000%'"))
                .isEqualTo(2);
    }

    @Test
    void ourAirportsCsvIsImportedInBulk() throws Exception {
        OurAirportsCsv.Result r;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/history/airports-sample.csv"), StandardCharsets.UTF_8))) {
            r = OurAirportsCsv.read(in);
        }
        assertThat(new AirportStore(db.jdbc).upsert(r.airports())).isEqualTo(4);
        assertThat(r.skipped()).isEqualTo(3); // the heliport without an ICAO code, the closed field, latitude 123
        Map<String, Object> zrh = db.jdbc.queryForMap("SELECT * FROM airports WHERE icao = 'LSZH'");
        assertThat(zrh.get("iata")).isEqualTo("ZRH");
        assertThat(zrh.get("region")).isEqualTo("EU");
        assertThat(zrh.get("country")).isEqualTo("CH");
        assertThat(((Number) zrh.get("elevation_m")).doubleValue())
                .isCloseTo(431.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(db.jdbc.queryForList("SELECT icao FROM airports ORDER BY icao", String.class))
                .containsExactly("EGLL", "KJFK", "LSGG", "LSZH");
        assertThat(db.jdbc.queryForObject("SELECT iata FROM airports WHERE icao = 'LSGG'", String.class))
                .isEqualTo("GVA");
    }

    @Test
    void movementsAndEventsAreBufferedThenWrittenInBatches() {
        AnalyticsRecorder rec = new AnalyticsRecorder(db.jdbc, 1_000, 128);
        long t = Instant.parse("2031-05-02T08:00:00Z").toEpochMilli();
        for (int i = 0; i < 300; i++)
            rec.onMovement(new Movement(
                    "LSZH",
                    i % 2 == 0 ? Movement.Kind.ARRIVAL : Movement.Kind.DEPARTURE,
                    t + i,
                    "bb" + String.format("%04x", i),
                    null,
                    "28",
                    "opensky"));
        rec.onMovement(new Movement(
                "LSZH", Movement.Kind.ARRIVAL, t, "bb0000", null, "28", "opensky")); // re-delivered: ignored
        rec.onEvent(
                new AnomalyEvent("squawk_7700", t, "bb0001", "SWR9", 47.4, 8.5, Double.NaN, Map.of("squawk", "7700")));
        assertThat(rec.buffered()).isEqualTo(302);

        assertThat(rec.flush()).isEqualTo(302);

        assertThat(rec.buffered()).isZero();
        assertThat(db.count("SELECT count(*) FROM movements WHERE airport = 'LSZH' AND id LIKE 'bb%'"))
                .isEqualTo(300);
        Map<String, Object> e = db.jdbc.queryForMap(
                "SELECT kind, altitude_m, details->>'squawk' AS sq FROM events WHERE id = 'bb0001'");
        assertThat(e.get("kind")).isEqualTo("squawk_7700");
        assertThat(e.get("altitude_m")).isNull(); // NaN stored as null
        assertThat(e.get("sq")).isEqualTo("7700");
    }
}
