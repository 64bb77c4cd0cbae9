package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.HttpJson.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service with SKYSENTINEL_SOURCES=opensky, pointed at a local OpenSky stand-in by OPENSKY_BASE_URL and
 * OPENSKY_TOKEN_URL: it polls by the budget rules and the API shows the figures that server reported.
 */
@SpringBootTest(classes = SkySentinelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSkyServiceIT {

    static final FakeOpenSky OPENSKY = start();

    static FakeOpenSky start() {
        try {
            FakeOpenSky f = new FakeOpenSky();
            f.credits.set(3_001); // the account has spent 999 of its 4,000 today; the first 200 reports 3,000 left
            long now = java.time.Instant.now().getEpochSecond();
            f.fallback = FakeOpenSky.Reply.ok(
                    FakeOpenSky.body(now, row("abc001", 40.7, -74.0, now), row("abc002", 40.9, -73.8, now)));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A row seen at {@code t} (the fake's own rows are dated 1970, which is fine for the source but not for data age).
     */
    static String row(String icao, double lat, double lon, long t) {
        return FakeOpenSky.row(icao, lat, lon).replace(",1000,1000,", "," + t + "," + t + ",");
    }

    @DynamicPropertySource
    static void openSky(DynamicPropertyRegistry r) {
        r.add("skysentinel.sources", () -> "opensky");
        r.add("skysentinel.opensky.base-url", OPENSKY::baseUrl);
        r.add("skysentinel.opensky.token-url", OPENSKY::tokenUrl);
        r.add("skysentinel.opensky.client-id", () -> "sky-client");
        r.add("skysentinel.opensky.client-secret", () -> "s3cret&=");
        r.add("skysentinel.opensky.min-interval-authenticated", () -> "1s");
        r.add("skysentinel.admin.token", () -> ADMIN_TOKEN); // POST /api/flights/refresh is an admin endpoint
    }

    static final String ADMIN_TOKEN = "opensky-it-admin-token";

    @AfterAll
    static void stop() {
        OPENSKY.close();
    }

    @LocalServerPort
    int port;

    HttpJson http;

    @BeforeEach
    void setUp() throws InterruptedException {
        http = new HttpJson(port).withHeader("Authorization", "Bearer " + ADMIN_TOKEN);
        http.await("/api/flights?source=opensky", r -> r.json().get("total").asInt() == 2, Duration.ofSeconds(15));
    }

    @Test
    @Order(1)
    void rateLimitShowsWhatTheServerReportedAndTheIntervalFollowsTheBudget() {
        JsonNode r = http.get("/api/rate-limit").json();
        assertThat(r.get("opensky_enabled").asBoolean()).isTrue();
        assertThat(r.get("auth_mode").asString()).isEqualTo("oauth2");
        assertThat(r.get("max_daily_credits").asLong()).isEqualTo(4_000);
        assertThat(r.get("credits_remaining").asLong()).isEqualTo(3_000);
        assertThat(r.get("credits_remaining_from").asString()).isEqualTo("upstream");
        assertThat(r.get("credits_per_request").asInt()).isEqualTo(1);
        // 3,000 credits over (at most) a day until the refill: one poll every ~28.8 s, not every 5 s.
        assertThat(r.get("poll_interval_s").asDouble()).isCloseTo(86_400.0 / 3_000, within(2.0));
        assertThat(r.get("cache_fresh").asBoolean()).isTrue();
        assertThat(OPENSKY.statesSnapshot())
                .as("one poll so far, the budget allows no more yet")
                .hasSize(1);
        assertThat(OPENSKY.statesSnapshot().getFirst().query())
                .contains("lamin=40.4")
                .contains("extended=1");
        assertThat(OPENSKY.statesSnapshot().getFirst().authorization()).startsWith("Bearer ");
    }

    @Test
    @Order(2)
    void airspaceAndStatusCarryTheOpenSkyFigures() {
        JsonNode fc = http.get("/api/v1/airspace").json();
        assertThat(fc.get("features")).hasSize(2);
        JsonNode meta = fc.get("metadata");
        assertThat(meta.get("auth_mode").asString()).isEqualTo("oauth2");
        assertThat(meta.get("credits_per_request").asInt()).isEqualTo(1);
        assertThat(meta.get("bounding_box").get("lamin").asDouble()).isEqualTo(40.4);
        assertThat(meta.get("area_sq_deg").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(fc.get("rate_limit").get("remaining").asLong()).isEqualTo(3_000);

        JsonNode status = http.get("/api/status").json();
        JsonNode source = status.get("sources").get(0);
        assertThat(source.get("name").asString()).isEqualTo("opensky");
        assertThat(source.get("state").asString()).isEqualTo("UP");
        assertThat(source.get("aircraft").asInt()).isEqualTo(2);
        assertThat(source.get("next_poll").isNull()).isFalse();
        assertThat(http.get("/metrics").body())
                .containsPattern("skysentinel_source_polls_total\\{.*outcome=\"success\"");
    }

    @Test
    @Order(3)
    void refreshPollsWhenAllowedThenA429KeepsTheLastPictureMarkedStale() throws InterruptedException {
        Thread.sleep(1_100); // past the 1 s data resolution configured above
        OPENSKY.script.add(FakeOpenSky.Reply.status(429).header("X-Rate-Limit-Retry-After-Seconds", "7200"));
        int before = OPENSKY.statesSnapshot().size();
        Response refresh = http.post("/api/flights/refresh");
        assertThat(OPENSKY.statesSnapshot()).as("the refresh reached OpenSky").hasSize(before + 1);
        assertThat(refresh.status()).as("OpenSky's 429 is passed on").isEqualTo(429);
        assertThat(refresh.json().get("retry_after_s").asLong()).isEqualTo(7_200);

        Response health = http.await(
                "/health", h -> "DEGRADED".equals(h.json().get("status").asString()), Duration.ofSeconds(10));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("DEGRADED");

        JsonNode flights = http.get("/api/flights").json();
        assertThat(flights.get("total").asInt())
                .as("the last picture is still served")
                .isEqualTo(2);
        assertThat(flights.get("stale").asBoolean()).isTrue();

        // The scheduler waits the retry-after plus a 30 s margin (CreditScheduler.REFILL_MARGIN).
        Response again = http.post("/api/flights/refresh");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.json().get("retry_after_s").asLong()).isBetween(7_000L, 7_230L);
        assertThat(http.get("/api/rate-limit").json().get("retry_after_s").asLong())
                .isBetween(7_000L, 7_230L);
        int polls = OPENSKY.statesSnapshot().size();
        Thread.sleep(1_500);
        assertThat(OPENSKY.statesSnapshot())
                .as("no calls inside the retry-after window")
                .hasSize(polls);
    }

    @Test
    @Order(10)
    void theClientSecretAndTheAdminTokenAppearNowhereOnTheWire() {
        HttpJson anonymous = new HttpJson(port);
        for (String path : List.of(
                "/api/status", "/api/rate-limit", "/health", "/actuator/health", "/metrics", "/api/flights/refresh"))
            assertThat(anonymous.get(path).body())
                    .as(path)
                    .doesNotContain("s3cret")
                    .doesNotContain(ADMIN_TOKEN);
        assertThat(http.get("/api/performance/metrics").body()).doesNotContain("s3cret");
        assertThat(anonymous.get("/actuator/env").status()).isEqualTo(404);
        assertThat(anonymous.get("/actuator/configprops").status()).isEqualTo(404);
    }
}
