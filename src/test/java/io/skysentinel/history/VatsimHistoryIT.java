package io.skysentinel.history;

import static io.skysentinel.testing.VatsimFixtures.hopPlan;
import static io.skysentinel.testing.VatsimFixtures.pilot;
import static io.skysentinel.testing.VatsimFixtures.qfa22Plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.Update;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * VATSIM pilots' flight plans through the real history writer on embedded PostgreSQL: written in bulk (one statement
 * per batch), a new revision is a new row, an unchanged plan's last_seen is refreshed at most every plan-refresh and at
 * the pilot's departure from the feed, and the pilot's name is stored nowhere unless VATSIM_STORE_NAMES is on.
 */
class VatsimHistoryIT {

    /** Two hours ago, on a whole minute, in epoch seconds: the first feed. */
    static final long T0 = (System.currentTimeMillis() / 60_000 - 120) * 60;

    static TestDatabase db;
    long seq;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.jdbc.update("DELETE FROM flight_plans");
        db.jdbc.update("DELETE FROM positions");
    }

    HistoryWriter writer(StatementCounter counter, boolean storeNames) {
        HistorySettings s = TestDatabase.settings(1_000, 50_000, Duration.ZERO, storeNames, Duration.ofMinutes(5));
        JdbcTemplate jdbc = new JdbcTemplate(counter.dataSource);
        return new HistoryWriter(
                s,
                Clock.systemUTC(),
                jdbc,
                new Partitions(jdbc),
                new AnalyticsRecorder(jdbc, 10, 10),
                GridAirportCatalog.empty(),
                0,
                new SimpleMeterRegistry());
    }

    List<Update<Aircraft>> upserts(List<Aircraft> states) {
        List<Update<Aircraft>> out = new ArrayList<>();
        for (Aircraft a : states) out.add(new Update.Upsert<>(++seq, a));
        return out;
    }

    /** One feed of {@code n} pilots at {@code unix}, pilot i's plan at {@code revision}. */
    List<Aircraft> feed(int n, long unix, int revision) {
        List<Aircraft> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
            out.add(pilot(1_400_000 + i, "DLH" + (400 + i), unix, hopPlan(i, revision))
                    .build());
        return out;
    }

    @Test
    void plansOfAFeedAreOneBulkStatementAndANewRevisionAddsARow() throws Exception {
        StatementCounter counter = new StatementCounter(db.dataSource);
        HistoryWriter w = writer(counter, false);
        w.handle(upserts(feed(300, T0, 0)));
        assertThat(db.count("SELECT count(*) FROM flight_plans")).isEqualTo(300);
        assertThat(counter.count("INSERT INTO flight_plans"))
                .as("one statement for 300 plans")
                .isEqualTo(1);

        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM flight_plans WHERE id = 'vatsim-1400007'");
        assertThat(row)
                .containsEntry("plan_key", "r0")
                .containsEntry("revision", 0)
                .containsEntry("source", "vatsim")
                .containsEntry("callsign", "DLH407")
                .containsEntry("cid", 1_400_007L)
                .containsEntry("flight_rules", "I")
                .containsEntry("aircraft_type", "E50P")
                .containsEntry("equipment", "E50P/L-L/LB2")
                .containsEntry("departure", "SKBG")
                .containsEntry("arrival", "SKMD")
                .containsEntry("alternate", "SKBO")
                .containsEntry("cruise_altitude", "FL280")
                .containsEntry("cruise_altitude_ft", 28_000)
                .containsEntry("cruise_tas_kt", 398)
                .containsEntry("route", "EJA2F EJA W26 DIPRA DCT RNG 7")
                .containsEntry("departure_time", "2130")
                .containsEntry("enroute_time", "0036")
                .containsEntry("fuel_time", "0201")
                .containsEntry("first_seen", new Timestamp(T0 * 1000))
                .containsEntry("last_seen", new Timestamp(T0 * 1000))
                .containsEntry("logon", new Timestamp(1_732_133_259_000L));
        assertThat(row.get("name")).as("names are off by default").isNull();

        // 15 s later: pilot 7 amended its plan (revision 1); the others are unchanged and not written again
        List<Aircraft> next = feed(300, T0 + 15, 0);
        next.set(7, pilot(1_400_007, "DLH407", T0 + 15, hopPlan(7, 1)).build());
        w.handle(upserts(next));
        assertThat(counter.count("INSERT INTO flight_plans")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM flight_plans")).isEqualTo(301);
        assertThat(db.jdbc.queryForList(
                        "SELECT plan_key FROM flight_plans WHERE id = 'vatsim-1400007' ORDER BY first_seen",
                        String.class))
                .containsExactly("r0", "r1");
        assertThat(db.count("SELECT count(*) FROM flight_plans WHERE last_seen > first_seen"))
                .as("an unchanged plan is not rewritten within plan-refresh")
                .isZero();
    }

    @Test
    void anUnchangedPlanIsRefreshedEveryPlanRefreshAndWhenThePilotLeaves() throws Exception {
        HistoryWriter w = writer(new StatementCounter(db.dataSource), false);
        Aircraft.Builder qfa = pilot(1_234_567, "QFA22", T0, qfa22Plan(2));
        for (long t = T0; t <= T0 + 600; t += 15)
            w.handle(upserts(List.of(qfa.lastContactUnix(t).timePositionUnix(t).build())));
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM flight_plans WHERE id = 'vatsim-1234567'");
        assertThat(row.get("first_seen")).isEqualTo(new Timestamp(T0 * 1000));
        assertThat(row.get("last_seen"))
                .as("refreshed at +5 min and +10 min")
                .isEqualTo(new Timestamp((T0 + 600) * 1000));

        Aircraft last = qfa.lastContactUnix(T0 + 645).timePositionUnix(T0 + 645).build();
        w.handle(upserts(List.of(last)));
        assertThat(db.jdbc.queryForObject(
                        "SELECT last_seen FROM flight_plans WHERE id = 'vatsim-1234567'", Timestamp.class))
                .isEqualTo(new Timestamp((T0 + 600) * 1000));
        w.handle(List.of(new Update.Removal<>(++seq, last, RemovalReason.LEFT_FEED)));
        assertThat(db.jdbc.queryForObject(
                        "SELECT last_seen FROM flight_plans WHERE id = 'vatsim-1234567'", Timestamp.class))
                .as("the last state before the pilot left the feed")
                .isEqualTo(new Timestamp((T0 + 645) * 1000));
        assertThat(db.count("SELECT count(*) FROM flight_plans")).isEqualTo(1);
    }

    @Test
    void aFeedWithoutRevisionsKeysPlansByTheirContent() throws Exception {
        HistoryWriter w = writer(new StatementCounter(db.dataSource), false);
        w.handle(upserts(List.of(pilot(1_234_567, "QFA22", T0, qfa22Plan(null)).build())));
        w.handle(upserts(
                List.of(pilot(1_234_567, "QFA22", T0 + 15, qfa22Plan(null)).build())));
        var amended = new io.skysentinel.core.FlightPlan(
                "I",
                "B789/H-SDE1E2E3FGHIJ2J3J4J5M1RWXY/LB1D1",
                "B789",
                "KDFW",
                "YMML",
                "YMAV",
                "40000",
                40_000,
                487,
                qfa22Plan(null).route(),
                qfa22Plan(null).remarks(),
                "1130",
                "1730",
                "2014",
                null);
        w.handle(upserts(List.of(pilot(1_234_567, "QFA22", T0 + 30, amended).build())));
        List<String> keys = db.jdbc.queryForList(
                "SELECT plan_key FROM flight_plans WHERE id = 'vatsim-1234567' ORDER BY first_seen", String.class);
        assertThat(keys).hasSize(2).allMatch(k -> k.matches("h[0-9a-f]{16}"));
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
        assertThat(db.jdbc.queryForList(
                        "SELECT alternate FROM flight_plans WHERE id = 'vatsim-1234567' ORDER BY first_seen",
                        String.class))
                .containsExactly("YSSY", "YMAV");
    }

    @Test
    void thePilotsNameIsStoredNowhereByDefaultAndInFlightPlansWithTheSetting() throws Exception {
        writer(new StatementCounter(db.dataSource), false).handle(upserts(feed(3, T0, 0)));
        assertThat(db.count("SELECT count(*) FROM positions WHERE id LIKE 'vatsim-%'"))
                .isEqualTo(3);
        assertThat(rowsContaining("Test Pilot"))
                .as("no table holds a pilot's name")
                .isEmpty();

        writer(new StatementCounter(db.dataSource), true).handle(upserts(feed(3, T0 + 15, 1)));
        assertThat(rowsContaining("Test Pilot"))
                .as("with VATSIM_STORE_NAMES=true: flight_plans.name only")
                .containsOnlyKeys("flight_plans.name");
        assertThat(db.jdbc.queryForObject(
                        "SELECT name FROM flight_plans WHERE id = 'vatsim-1400001' AND plan_key = 'r1'", String.class))
                .isEqualTo("Test Pilot 1400001");
    }

    /** Every text column of every table whose values contain {@code text}, with the number of such rows. */
    static Map<String, Long> rowsContaining(String text) {
        return rowsContaining(db, text);
    }

    static Map<String, Long> rowsContaining(TestDatabase db, String text) {
        Map<String, Long> found = new java.util.TreeMap<>();
        for (Map<String, Object> c :
                db.jdbc.queryForList("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb')")) {
            String t = (String) c.get("table_name"), col = (String) c.get("column_name");
            long n =
                    db.count("SELECT count(*) FROM \"" + t + "\" WHERE \"" + col + "\"::text LIKE ?", "%" + text + "%");
            if (n > 0) found.put(t + "." + col, n);
        }
        return found;
    }
}
