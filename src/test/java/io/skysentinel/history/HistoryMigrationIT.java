package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V2 (network-neutral ids) on a database written by the previous version: the icao24 columns become id,
 * duplicates an older writer may have stored go (so the new unique keys can exist), and the old rows answer the
 * new queries.
 */
class HistoryMigrationIT {

    @Test
    void rowsWrittenBeforeTheIdMigrationKeepWorkingUnderTheirId() throws Exception {
        try (TestDatabase fresh = new TestDatabase()) {
            // TestDatabase migrated to the newest version; start over on an empty schema and stop at V1
            Flyway.configure()
                    .dataSource(fresh.dataSource)
                    .cleanDisabled(false)
                    .load()
                    .clean();
            Flyway.configure()
                    .dataSource(fresh.dataSource)
                    .locations("classpath:db/migration")
                    .target("1")
                    .load()
                    .migrate();
            long t = Instant.parse("2029-06-01T12:00:00Z").toEpochMilli();
            new Partitions(fresh.jdbc).ensure(Partitions.dayOf(t));
            for (int copy = 0; copy < 2; copy++) { // an older writer restarted on the same data stored each row twice
                for (int i = 0; i < 3; i++)
                    fresh.jdbc.update(
                            "INSERT INTO positions (time, icao24, lat, lon, on_ground, source)"
                                    + " VALUES (?, '4b1805', 47, 8, false, 'opensky')",
                            new Timestamp(t + i * 1000L));
                fresh.jdbc.update(
                        "INSERT INTO events (kind, time, icao24) VALUES ('squawk_7700', ?, '4b1805')",
                        new Timestamp(t));
            }
            fresh.jdbc.update(
                    "INSERT INTO flights (icao24, first_seen, last_seen) VALUES ('4b1805', ?, ?)",
                    new Timestamp(t),
                    new Timestamp(t + 2000));
            fresh.jdbc.update(
                    "INSERT INTO movements (airport, kind, time, icao24) VALUES ('LSZH', 'arrival', ?, '4b1805')",
                    new Timestamp(t));

            Flyway.configure()
                    .dataSource(fresh.dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            assertThat(fresh.count("SELECT count(*) FROM positions WHERE id = '4b1805'"))
                    .as("duplicates removed")
                    .isEqualTo(3);
            assertThat(fresh.count("SELECT count(*) FROM events WHERE id = '4b1805'"))
                    .isEqualTo(1);
            assertThat(fresh.count("SELECT count(*) FROM flights WHERE id = '4b1805'"))
                    .isEqualTo(1);
            assertThat(fresh.count("SELECT count(*) FROM movements WHERE id = '4b1805'"))
                    .isEqualTo(1);
            List<PositionRow> track = new PositionQueries(fresh.jdbc).track("4b1805", t, t + 10_000, 10);
            assertThat(track).extracting(PositionRow::timeMs).containsExactly(t, t + 1000, t + 2000);
            assertThat(PositionQueries.toAircraft(track.getFirst()).icao24()).isEqualTo("4b1805");
            assertThat(new TrafficQueries(fresh.jdbc).events(t - 1, t + 1, null, 10))
                    .singleElement()
                    .satisfies(e -> assertThat(e.id()).isEqualTo("4b1805"));
        }
    }

    @Test
    void movementsWrittenBeforeV3HaveNoSourceAndStillAnswer() {
        try (TestDatabase fresh = new TestDatabase()) {
            Flyway.configure()
                    .dataSource(fresh.dataSource)
                    .cleanDisabled(false)
                    .load()
                    .clean();
            Flyway.configure()
                    .dataSource(fresh.dataSource)
                    .locations("classpath:db/migration")
                    .target("2")
                    .load()
                    .migrate();
            long t = Instant.parse("2029-06-01T12:00:00Z").toEpochMilli();
            fresh.jdbc.update(
                    "INSERT INTO movements (airport, kind, time, id, callsign, runway)"
                            + " VALUES ('LSZH', 'arrival', ?, '4b1805', 'SWR12', '14')",
                    new Timestamp(t));

            Flyway.configure()
                    .dataSource(fresh.dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            TrafficQueries q = new TrafficQueries(fresh.jdbc);
            assertThat(q.movements("LSZH", t - 1, t + 1, null, 10))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(m.id()).isEqualTo("4b1805");
                        assertThat(m.runway()).isEqualTo("14");
                        assertThat(m.source()).as("unknown for old rows").isNull();
                    });
            assertThat(q.movements("LSZH", t - 1, t + 1, "vatsim", 10)).isEmpty();
            assertThat(q.movements("LSZH", t - 1, t + 1, TrafficQueries.UNKNOWN_SOURCE, 10))
                    .hasSize(1);
            assertThat(q.trends("LSZH", "hour", t, t + 1, null))
                    .extracting(TrafficQueries.TrendBucket::arrivals)
                    .containsExactly(1L);
            assertThat(q.trends("LSZH", "hour", t, t + 1, "opensky"))
                    .extracting(TrafficQueries.TrendBucket::arrivals)
                    .containsExactly(0L);
            // a new movement of the same key is still ignored as a re-delivery, and new rows carry their source
            AnalyticsRecorder rec = new AnalyticsRecorder(fresh.jdbc, 10, 10);
            rec.onMovement(new io.skysentinel.core.Movement(
                    "LSZH", io.skysentinel.core.Movement.Kind.ARRIVAL, t, "4b1805", "SWR12", "14", "opensky"));
            rec.onMovement(new io.skysentinel.core.Movement(
                    "LSZH",
                    io.skysentinel.core.Movement.Kind.DEPARTURE,
                    t + 1,
                    "vatsim-1234567",
                    "QFA22",
                    null,
                    "vatsim"));
            rec.flush();
            assertThat(q.movements("LSZH", t - 1, t + 1, "vatsim", 10))
                    .singleElement()
                    .satisfies(m -> assertThat(m.callsign()).isEqualTo("QFA22"));
            assertThat(fresh.count("SELECT count(*) FROM movements WHERE source IS NULL"))
                    .isEqualTo(1);
            assertThat(fresh.count("SELECT count(*) FROM flight_plans")
                            + fresh.count("SELECT count(*) FROM atc_sessions"))
                    .as("the new tables exist, empty")
                    .isZero();
        }
    }
}
