package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementCheckTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 1",
                "select * from positions where id = 'abc' limit 10;",
                "  (SELECT 1) UNION (SELECT 2)",
                "WITH recent AS (SELECT * FROM positions WHERE time > now() - interval '1 hour') SELECT 1 FROM recent",
                "TABLE airports",
                "VALUES (1, 'a'), (2, 'b')",
                "EXPLAIN SELECT * FROM positions",
                "EXPLAIN (COSTS OFF, VERBOSE) SELECT 1",
                "SELECT 'it''s; DROP TABLE x' AS s",
                "SELECT E'back\\'slash; DELETE' AS s",
                "SELECT $$ ; INSERT INTO x VALUES (1) $$",
                "SELECT $tag$ $$ ; DROP $$ $tag$",
                "SELECT \"insert\" FROM (SELECT 1 AS \"insert\") t",
                "SELECT 1 -- ; DROP TABLE positions",
                "SELECT /* ; DELETE /* nested ; */ still comment */ 1",
                "SELECT pg_sleep(1)",
                "SELECT pg_size_pretty(pg_total_relation_size('positions'))",
                "SELECT updated_at, created, inserted FROM t",
                "SELECT a$b FROM t"
            })
    void readingStatementsPass(String sql) {
        assertThatCode(() -> StatementCheck.check(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT 1; DROP TABLE positions | more than one statement",
                "SELECT 'a'; SELECT 'b' | more than one statement",
                "SELECT $$x$$; DELETE FROM t | more than one statement",
                "SELECT 1 /* c */ ; /* c */ DELETE FROM t | more than one statement",
                "WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM x | INSERT",
                "WITH x AS (DELETE FROM t RETURNING *) SELECT 1 | DELETE",
                "WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT 1 | UPDATE",
                "INSERT INTO t VALUES (1) | must be a SELECT",
                "  update t set a = 1 | must be a SELECT",
                "COPY (SELECT 1) TO PROGRAM 'id' | must be a SELECT",
                "SET ROLE postgres | must be a SELECT",
                "CREATE TABLE x (a int) | must be a SELECT",
                "SELECT * INTO TEMP t FROM positions | INTO",
                "SELECT * FROM positions FOR UPDATE | UPDATE",
                "EXPLAIN ANALYZE SELECT 1 | ANALYZE",
                "EXPLAIN (ANALYSE true) SELECT 1 | ANALYSE",
                "SELECT set_config('role', 'postgres', false) | set_config",
                "SELECT pg_catalog.set_config('role', 'postgres', false) | set_config",
                "SELECT \"set_config\"('role', 'postgres', false) | set_config",
                "SELECT SET_CONFIG ('role', 'x', true) | set_config",
                "SELECT pg_terminate_backend(1) | pg_terminate_backend",
                "SELECT lo_import('/etc/passwd') | lo_import",
                "SELECT lo_export(1, '/tmp/x') | lo_export",
                "SELECT dblink_exec('x', 'DROP TABLE t') | dblink_exec",
                "SELECT pg_read_file('/etc/passwd') | pg_read_file",
                "SELECT nextval('s') | nextval",
                "SELECT query_to_xml('DELETE FROM t', true, true, '') | query_to_xml",
                "SELECT pg_advisory_lock(1) | pg_advisory_lock",
                "'just a string' | must be a SELECT",
                "SELECT 'open | unterminated string",
                "SELECT \"open | unterminated quoted identifier",
                "SELECT /* open | unterminated /* comment",
                "SELECT $a$ open $b$ | unterminated dollar",
                "   | is empty",
                "-- only a comment | is empty"
            })
    void everythingElseIsRefusedSayingWhy(String sql, String reason) {
        String given = sql == null ? "" : sql;
        var thrown = assertThatThrownBy(() -> StatementCheck.check(given))
                .isInstanceOf(StatementCheck.RefusedException.class);
        if (reason != null) thrown.hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void aTrailingSemicolonIsOneStatementButTwoAreNot() {
        assertThatCode(() -> StatementCheck.check("SELECT 1;")).doesNotThrowAnyException();
        assertThatCode(() -> StatementCheck.check("SELECT 1; -- done")).doesNotThrowAnyException();
        assertThatThrownBy(() -> StatementCheck.check("SELECT 1;;")).hasMessageContaining("more than one");
    }

    @org.junit.jupiter.api.Test
    void theTokenizerKeepsQuotedTextWhole() {
        var tokens = StatementCheck.tokenize("SELECT 'a;b', \"x\"\"y\", $q$c;d$q$ -- e;f\n;");
        assertThat(tokens)
                .extracting(StatementCheck.Token::text)
                .containsExactly("select", "a;b", ",", "x\"y", ",", "c;d", ";");
    }
}
