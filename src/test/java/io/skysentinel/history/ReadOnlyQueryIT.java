package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second line of defence on its own: statements that the statement check would refuse, run WITHOUT it, as the
 * reader role (migration V6) in the read-only transaction. Each must be refused by the database, and the history
 * must be untouched and still writable by the application's role afterwards.
 */
class ReadOnlyQueryIT {

    static TestDatabase db;
    static HikariDataSource readers;
    static ReadOnlyQuery query;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
        db.jdbc.update("INSERT INTO airports (icao, name, lat, lon) VALUES ('ZQRO', 'Read Only Field', 1, 2)");
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.server.jdbcUrl());
        c.setUsername("skysentinel_reader");
        c.setMaximumPoolSize(2);
        c.setAutoCommit(false);
        c.setReadOnly(true);
        readers = new HikariDataSource(c);
        query = new ReadOnlyQuery(readers, new QuerySettings(Duration.ofMillis(500), 100, "skysentinel_reader", ""));
    }

    @AfterAll
    static void stop() {
        readers.close();
        db.close();
    }

    @Test
    void theReaderReadsTheHistoryTables() {
        var r = query.runUnchecked("SELECT icao FROM airports WHERE icao = 'ZQRO'", 10);
        assertThat(r.rows()).containsExactly(java.util.List.of("ZQRO"));
        assertThat(query.runUnchecked("SELECT count(*) FROM positions", 1).rows())
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "WITH x AS (INSERT INTO airports (icao, name, lat, lon) VALUES ('ZQEV', 'x', 0, 0) RETURNING 1)"
                        + " SELECT * FROM x",
                "SELECT 1; DROP TABLE airports",
                "DROP TABLE airports",
                "DELETE FROM airports",
                "UPDATE airports SET name = 'pwned'",
                "TRUNCATE airports",
                "CREATE TABLE evil (a int)",
                "SELECT set_config('role', 'postgres', false)",
                "SET ROLE postgres",
                "RESET ROLE; DELETE FROM airports",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'postgres'",
                "SELECT lo_import('/etc/passwd')",
                "SELECT pg_read_file('/etc/passwd')",
                "COPY (SELECT 1) TO PROGRAM 'touch /tmp/skysentinel-pwned'",
                "SELECT dblink_exec('dbname=postgres', 'DROP TABLE airports')",
                "SELECT query_to_xml('DELETE FROM airports', true, true, '')",
                "SELECT pg_reload_conf()",
                "ALTER ROLE skysentinel_reader SUPERUSER",
                "GRANT postgres TO skysentinel_reader",
                "SELECT pg_sleep(10)"
            })
    void whatTheCheckWouldStopTheDatabaseStopsToo(String sql) {
        assertThatThrownBy(() -> query.runUnchecked(sql, 10))
                .as(sql)
                .isInstanceOf(ReadOnlyQuery.DatabaseRefusedException.class);
        assertThat(db.count("SELECT count(*) FROM airports WHERE icao = 'ZQRO' AND name = 'Read Only Field'"))
                .as("the table is intact")
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM airports WHERE icao = 'ZQEV'"))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'evil'"))
                .isZero();
        assertThat(db.jdbc.update("UPDATE airports SET name = name WHERE icao = 'ZQRO'"))
                .as("the application's own role still writes")
                .isEqualTo(1);
        assertThat(new java.io.File("/tmp/skysentinel-pwned")).doesNotExist();
    }

    @Test
    void pgTerminateBackendCannotReachTheApplicationsConnection() {
        Integer pid = db.jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        assertThatThrownBy(() -> query.runUnchecked("SELECT pg_terminate_backend(" + pid + ")", 1))
                .isInstanceOf(ReadOnlyQuery.DatabaseRefusedException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void theTimeoutEndsASleepWithItsSqlState() {
        assertThatThrownBy(() -> query.runUnchecked("SELECT pg_sleep(10)", 1))
                .isInstanceOfSatisfying(
                        ReadOnlyQuery.DatabaseRefusedException.class,
                        e -> assertThat(e.sqlState()).isEqualTo("57014"));
    }
}
