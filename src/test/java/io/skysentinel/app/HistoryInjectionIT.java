package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.HttpJson.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL injection attempts on every parameter of the history endpoints that reaches SQL. Every one is bound as a
 * parameter (or parsed into a number, time or code first), so each answer is a 4xx problem or an empty result, never
 * a 5xx, and the tables are intact afterwards. Same configuration as AdminApiIT, so the context is shared.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.admin.token=" + AdminApiIT.TOKEN,
            "skysentinel.admin.failures-per-minute=1000",
            "skysentinel.history.query.timeout=1s" // as AdminApiIT: one context for both
        })
class HistoryInjectionIT {

    static final List<String> ATTACKS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE positions; --",
            "1; DELETE FROM airports",
            "1) OR (1=1",
            "\" OR \"\"=\"",
            "ZQAA' UNION SELECT version(), NULL, NULL --",
            "$$; DROP TABLE airports; $$",
            "x'||pg_sleep(5)||'",
            "\\'; TRUNCATE flights; --",
            "2026-01-01T00:00:00Z'; DROP TABLE events; --");

    /** {@code %s} is where the attack goes (URL-encoded). */
    static final List<String> TEMPLATES = List.of(
            "/api/flights/%s/track",
            "/api/flights/abc123/track?from=%s",
            "/api/flights/abc123/track?to=%s",
            "/api/flights/abc123/track?limit=%s",
            "/api/history/snapshot?at=%s",
            "/api/history/snapshot?at=2026-01-01T00:00:00Z&bbox=%s",
            "/api/traffic/movements/%s",
            "/api/traffic/movements/EGLL?source=%s",
            "/api/traffic/movements/EGLL?from=%s",
            "/api/traffic/trends/EGLL?interval=%s",
            "/api/traffic/trends/%s",
            "/api/traffic/summary/%s",
            "/api/airports/region/%s",
            "/api/airports/region/GB-ENG?offset=%s",
            "/api/airports/%s/coordinates",
            "/api/events?kind=%s",
            "/api/events?from=%s",
            "/api/atc-positions/%s/sessions",
            "/api/atc-positions/EGLL_TWR/sessions?before=%s");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpJson http;

    @BeforeEach
    void setUp() {
        http = new HttpJson(port);
    }

    @Test
    void everyAttackIsA4xxProblemOrAnEmptyAnswerAndTheTablesStay() {
        long airports = count("SELECT count(*) FROM airports");
        for (String template : TEMPLATES)
            for (String attack : ATTACKS) {
                String path = template.formatted(
                        URLEncoder.encode(attack, StandardCharsets.UTF_8).replace("+", "%20"));
                Response r = http.get(path);
                assertThat(r.status()).as(path + " → " + r.body()).isBetween(200, 499);
                if (r.status() >= 400) assertThat(r.contentType()).as(path).startsWith("application/problem+json");
                else assertThat(r.body()).as(path).doesNotContain("PostgreSQL").doesNotContain("\"version\"");
            }
        for (String table : List.of("positions", "airports", "flights", "events", "movements"))
            assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table))
                    .as(table)
                    .isTrue();
        assertThat(count("SELECT count(*) FROM airports")).isEqualTo(airports);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
