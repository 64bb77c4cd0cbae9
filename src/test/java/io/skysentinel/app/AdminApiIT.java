package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.HttpJson.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin endpoints on the real server with history (embedded PostgreSQL) and an admin token set. */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.admin.token=" + AdminApiIT.TOKEN,
            "skysentinel.admin.failures-per-minute=1000",
            "skysentinel.history.query.timeout=1s" // the pg_sleep test waits for it
        })
class AdminApiIT {

    static final String TOKEN = "admin-it-token-0123456789";

    @LocalServerPort
    int port;

    HttpJson anonymous;
    HttpJson admin;

    @BeforeEach
    void setUp() {
        anonymous = new HttpJson(port);
        admin = anonymous.withHeader("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void withoutTheTokenAdminEndpointsAre401ProblemsWithWwwAuthenticate() {
        Response missing = anonymous.get("/api/database/status");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer realm=");
        assertThat(missing.body()).doesNotContain(TOKEN);

        Response wrong = anonymous.withHeader("Authorization", "Bearer nope").get("/api/database/tables");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/admin-unauthorized");

        Response almost = anonymous
                .withHeader("Authorization", "Bearer " + TOKEN.substring(0, TOKEN.length() - 1))
                .post("/api/flights/refresh");
        assertThat(almost.status()).isEqualTo(401);
        assertThat(anonymous.get("/api/performance/metrics").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/performance/optimize").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/flights").status())
                .as("public endpoints stay open")
                .isEqualTo(200);
    }

    @Test
    void withTheTokenTheDatabaseEndpointsAnswer() {
        Response st = admin.get("/api/database/status");
        assertThat(st.status()).isEqualTo(200);
        assertThat(st.json().get("embedded").asBoolean()).isTrue();
        List<String> versions = new ArrayList<>();
        st.json().get("migrations").forEach(m -> versions.add(m.get("version").asString()));
        assertThat(versions).contains("6");
        assertThat(admin.get("/api/database/tables").json().get("tables").size())
                .isGreaterThan(3);
    }

    @Test
    void refreshWithTheTokenButNoUpstreamSourceIsAConflict() {
        Response r = admin.post("/api/flights/refresh");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("sim");
    }

    @Test
    void performanceMetricsSummariseTheMeters() {
        Response r = admin.get("/api/performance/metrics");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("memory").get("heap_used_bytes").asLong()).isPositive();
        assertThat(names(j.get("sections").get("hub"))).contains("skysentinel.hub.follower.depth");
        assertThat(names(j.get("sections").get("history"))).contains("skysentinel.history.rows.written");
        assertThat(names(j.get("sections").get("api"))).contains("http.server.requests");
        assertThat(names(j.get("sections").get("database_pool"))).anyMatch(n -> n.startsWith("hikaricp.connections"));
        assertThat(j.get("drops").isObject()).isTrue();
    }

    @Test
    void optimizeVacuumsEveryHistoryTableAndRunsPartitionMaintenance() {
        Response r = admin.post("/api/performance/optimize");
        assertThat(r.status()).isEqualTo(200);
        List<String> vacuumed = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        r.json().get("steps").forEach(s -> {
            steps.add(s.get("step").asString());
            if ("vacuum_analyze".equals(s.get("step").asString()))
                vacuumed.add(s.get("target").asString());
            assertThat(s.get("ms").asLong()).isNotNegative();
        });
        assertThat(vacuumed).contains("positions", "flights", "movements", "events");
        assertThat(steps).contains("partitions_ahead", "retention");
        assertThat(r.json().get("total_ms").asLong()).isNotNegative();
    }

    static String query(String sql) {
        return "{\"sql\":" + JSON.writeValueAsString(sql) + "}";
    }

    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void aQueryAnswersColumnsWithTypesRowsAndElapsedTime() {
        Response r = admin.post(
                "/api/database/query",
                "application/json",
                query("SELECT 1 AS one, 'a;b' AS s, now() AS t, NULL::float8 AS nothing -- ; DROP TABLE positions"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("columns").get(0).get("name").asString()).isEqualTo("one");
        assertThat(j.get("columns").get(0).get("type").asString()).isEqualTo("int4");
        assertThat(j.get("columns").get(2).get("type").asString()).isEqualTo("timestamptz");
        assertThat(j.get("rows").get(0).get(0).asInt()).isEqualTo(1);
        assertThat(j.get("rows").get(0).get(1).asString()).isEqualTo("a;b");
        assertThat(j.get("rows").get(0).get(2).asString()).endsWith("Z");
        assertThat(j.get("rows").get(0).get(3).isNull()).isTrue();
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("elapsed_ms").asLong()).isNotNegative();

        Response dollar = admin.post("/api/database/query", "application/json", query("SELECT $x$;DROP TABLE t$x$"));
        assertThat(dollar.status()).isEqualTo(200);
        assertThat(dollar.json().get("rows").get(0).get(0).asString()).isEqualTo(";DROP TABLE t");
    }

    @Test
    void maxRowsCutsTheAnswerAndSaysSo() {
        Response r = admin.post(
                "/api/database/query",
                "application/json",
                "{\"sql\":\"SELECT g FROM generate_series(1, 50) g\",\"max_rows\":10}");
        assertThat(r.json().get("rows").size()).isEqualTo(10);
        assertThat(r.json().get("truncated").asBoolean()).isTrue();
        Response tooMany =
                admin.post("/api/database/query", "application/json", "{\"sql\":\"SELECT 1\",\"max_rows\":10001}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("parameter").asString()).isEqualTo("max_rows");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "SELECT 1; DROP TABLE positions | more than one statement",
                "SELECT 1;; | more than one statement",
                "WITH x AS (INSERT INTO airports (icao) VALUES ('ZZZZ') RETURNING 1) SELECT * FROM x | INSERT",
                "DELETE FROM positions | must be a SELECT",
                "COPY (SELECT 1) TO PROGRAM 'id' | must be a SELECT",
                "SELECT set_config('role', 'postgres', false) | set_config",
                "SELECT \"set_config\"('role', 'postgres', false) | set_config",
                "SELECT pg_terminate_backend(pg_backend_pid()) | pg_terminate_backend",
                "SELECT lo_import('/etc/passwd') | lo_import",
                "SELECT dblink('dbname=postgres', 'DROP TABLE positions') | dblink",
                "SELECT pg_catalog.pg_read_file('/etc/passwd') | pg_read_file",
                "SELECT * INTO evil FROM positions | INTO",
                "EXPLAIN ANALYZE SELECT 1 | ANALYZE",
                "EXPLAIN (ANALYZE) DELETE FROM positions | ANALYZE",
                "SELECT 'unterminated | unterminated",
                "/* SELECT */ DROP TABLE positions | must be a SELECT",
                "SELECT $$ x | unterminated dollar"
            })
    void writesSecondStatementsAndSideEffectsAre400sSayingWhy(String sql, String reason) {
        Response r = admin.post("/api/database/query", "application/json", query(sql));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("parameter").asString()).isEqualTo("sql");
        assertThat(r.json().get("detail").asString()).contains(reason);
        assertThat(admin.post("/api/database/query", "application/json", query("SELECT count(*) FROM positions"))
                        .status())
                .as("the table is still there")
                .isEqualTo(200);
    }

    @Test
    void whatTheDatabaseRefusesIsA400ProblemWithItsReason() {
        Response r = admin.post("/api/database/query", "application/json", query("SELECT * FROM no_such_table"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/query-refused");
        assertThat(r.json().get("sql_state").asString()).isEqualTo("42P01");
        Response sleep = admin.post("/api/database/query", "application/json", query("SELECT pg_sleep(30)"));
        assertThat(sleep.status()).as("statement_timeout ends it").isEqualTo(400);
        assertThat(sleep.json().get("sql_state").asString()).isEqualTo("57014");
    }

    @Test
    void theQueryRunsAsTheReaderRoleInAReadOnlyTransaction() {
        Response r = admin.post(
                "/api/database/query",
                "application/json",
                query("SELECT current_user, session_user, current_setting('transaction_read_only')"));
        assertThat(r.json().get("rows").get(0).get(0).asString()).isEqualTo("skysentinel_reader");
        assertThat(r.json().get("rows").get(0).get(1).asString()).isEqualTo("skysentinel_reader");
        assertThat(r.json().get("rows").get(0).get(2).asString()).isEqualTo("on");
    }

    @Test
    void errorsOutsideTheEndpointsAreProblemDetailsToo() throws Exception {
        // Tomcat refuses these before Spring sees the request: raw requests, as java.net.URI would refuse most of them.
        for (String path : List.of(
                "/api/flights/%00", "/api/flights/a%2Fb", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/flights/%zz")) {
            String raw = rawGet(path);
            assertThat(raw).as(path).matches("(?s)HTTP/1.1 4\\d\\d .*");
            assertThat(raw).as(path).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(raw).as(path).doesNotContain("<html").contains("\"status\":4");
        }
        Response unknown = anonymous.get("/api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Response method = anonymous.send("DELETE", "/api/flights", null, null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
        Response type = admin.post("/api/database/query", "text/plain", "SELECT 1");
        assertThat(type.status()).isEqualTo(415);
        assertThat(type.contentType()).startsWith("application/problem+json");
        Response malformed = admin.post("/api/database/query", "application/json", "{\"sql\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private String rawGet(String path) throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void corsIsClosedByDefault() {
        Response r = anonymous.withHeader("Origin", "https://elsewhere.example").get("/api/flights?limit=1");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        Response preflight = anonymous
                .withHeader("Origin", "https://elsewhere.example")
                .withHeader("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/api/database/query", null, null);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void secretsAppearNowhereOnTheWire() {
        assertThat(anonymous.get("/actuator/env").status()).isEqualTo(404);
        assertThat(anonymous.get("/actuator/configprops").status()).isEqualTo(404);
        for (String path : List.of("/api/status", "/actuator/health", "/actuator/info", "/health", "/metrics"))
            assertThat(anonymous.get(path).body()).as(path).doesNotContain(TOKEN);
        for (String path : List.of("/api/performance/metrics", "/api/database/status"))
            assertThat(admin.get(path).body()).as(path).doesNotContain(TOKEN);
    }

    private static List<String> names(JsonNode series) {
        List<String> out = new ArrayList<>();
        series.forEach(s -> out.add(s.get("name").asString()));
        return out;
    }
}
