package io.skysentinel.app;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.HttpJson.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The real server on a random port, fed by the simulator (as the default run is) plus fixture batches on the bus. */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=40", "skysentinel.sim.tick=200ms"})
class LiveApiIT {

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    org.springframework.context.ApplicationContext context;

    HttpJson http;

    /** Fixture aircraft far from the simulated region (the South Atlantic), so filters can pick them out exactly. */
    static final String[] FIXTURE_IDS = {"f00001", "f00002", "f00003"};

    @BeforeEach
    void setUp() throws InterruptedException {
        http = new HttpJson(port);
        long now = Instant.now().getEpochSecond();
        bus.publish(SourceBatch.live(
                "fixture",
                now * 1000,
                List.of(
                        plane("f00001")
                                .from("fixture")
                                .callsign("FIXTA1")
                                .at(-40.0, -20.0)
                                .alt(11_000)
                                .country("Atlantis")
                                .seen(now)
                                .build(),
                        plane("f00002")
                                .from("fixture")
                                .callsign("FIXTA2")
                                .at(-40.5, -20.5)
                                .onGround()
                                .country("Atlantis")
                                .seen(now)
                                .build(),
                        plane("f00003")
                                .from("fixture")
                                .callsign("FIXTB3")
                                .at(-41.0, -21.0)
                                .alt(2_000)
                                .squawk("7700")
                                .country("Atlantis")
                                .seen(now)
                                .build())));
        http.await("/api/flights?source=fixture", r -> r.json().get("total").asInt() == 3, Duration.ofSeconds(10));
    }

    @Test
    void simulatedTrafficIsServedWithinSecondsOfStart() throws InterruptedException {
        Response r =
                http.await("/api/flights?source=sim", x -> x.json().get("total").asInt() >= 40, Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.json().get("flights").get(0);
        assertThat(first.get("icao24").asString()).matches("[0-9a-f]{6}");
        assertThat(first.get("source").asString()).isEqualTo("sim");
        assertThat(first.has("position") && first.has("altitude_m") && first.has("last_contact_unix"))
                .isTrue();
        assertThat(r.json().get("data_age_s").isNumber()).isTrue();
        assertThat(r.json().get("stale").asBoolean()).isFalse();
    }

    @Test
    void filtersSelectExactlyTheMatchingAircraft() {
        assertThat(ids(http.get("/api/flights?bbox=-42,-22,-39,-19"))).containsExactly(FIXTURE_IDS);
        assertThat(ids(http.get("/api/flights?callsign=fixta"))).containsExactly("f00001", "f00002");
        assertThat(ids(http.get("/api/flights?country=atlantis&on_ground=true")))
                .containsExactly("f00002");
        assertThat(ids(http.get("/api/flights?source=fixture&min_altitude_m=5000")))
                .containsExactly("f00001");
        assertThat(ids(http.get("/api/flights?source=fixture&max_altitude_m=5000&on_ground=false")))
                .containsExactly("f00003");
    }

    @Test
    void pagesWalkTheSortedResult() {
        JsonNode page = http.get("/api/flights?source=fixture&limit=2").json();
        assertThat(ids(page)).containsExactly("f00001", "f00002");
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("pagination").get("next_offset").asInt()).isEqualTo(2);
        JsonNode last = http.get("/api/flights?source=fixture&limit=2&offset=2").json();
        assertThat(ids(last)).containsExactly("f00003");
        assertThat(last.get("pagination").get("next_offset").isNull()).isTrue();
    }

    @Test
    void oneAircraftByIdOr404OrA400ForABadId() {
        Response one = http.get("/api/flights/F00003");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("callsign").asString()).isEqualTo("FIXTB3");
        assertThat(one.json().get("squawk").asString()).isEqualTo("7700");
        assertThat(one.json().get("position").get("lat").asDouble()).isEqualTo(-41.0);

        Response missing = http.get("/api/flights/abcdef");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");

        Response bad = http.get("/api/flights/xyz");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("parameter").asString()).isEqualTo("id");
    }

    @Test
    void aFlightOfAnotherNetworkIsFoundByItsIdAndHasNoIcao24() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        bus.publish(SourceBatch.live(
                "network",
                now * 1000,
                List.of(Aircraft.builder("vatsim-1234567", "network")
                        .callsign("DLH4TX")
                        .position(62.0, 175.0)
                        .altitudeM(9_000.0)
                        .lastContactUnix(now)
                        .build())));
        Response one = http.await("/api/flights/vatsim-1234567", r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(one.json().get("id").asString()).isEqualTo("vatsim-1234567");
        assertThat(one.json().get("icao24").isNull()).isTrue();
        assertThat(one.json().get("opensky").isNull()).isTrue();
        assertThat(one.json().get("callsign").asString()).isEqualTo("DLH4TX");
        assertThat(ids(http.get("/api/flights?source=network").json())).containsExactly("vatsim-1234567");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bbox=1,2,3|bbox",
                "bbox=10;0;20;5|bbox",
                "limit=0|limit",
                "limit=abc|limit",
                "limit=100001|limit",
                "offset=-5|offset",
                "min_altitude_m=high|min_altitude_m",
                "on_ground=maybe|on_ground",
                "callsgn=DAL|callsgn",
            })
    void badQueryParametersAreProblemDetailsNamingTheParameter(String query, String parameter) {
        Response r = http.get("/api/flights?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(r.json().get("detail").asString()).contains(parameter);
    }

    @Test
    void adminEndpointsAre404ProblemsWhileNoAdminTokenIsSet() {
        for (String path : List.of("/api/database/status", "/api/database/tables", "/api/performance/metrics")) {
            Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).contains("SKYSENTINEL_ADMIN_TOKEN");
        }
        for (String path : List.of("/api/flights/refresh", "/api/performance/optimize")) {
            Response r = http.withHeader("Authorization", "Bearer anything").post(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/admin-disabled");
        }
        Response query = http.post("/api/database/query", "application/json", "{\"sql\":\"SELECT 1\"}");
        assertThat(query.status()).isEqualTo(404);
    }

    @Test
    void airspaceIsGeoJsonWithLonLatPoints() {
        JsonNode fc = http.get("/api/v1/airspace?source=fixture").json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode f = fc.get("features").get(2);
        assertThat(f.get("id").asString()).isEqualTo("f00003");
        assertThat(f.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-21.0);
        assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(-41.0);
        assertThat(f.get("properties").get("callsign").asString()).isEqualTo("FIXTB3");
        assertThat(f.get("properties").has("position")).isFalse();
        assertThat(fc.get("metadata").get("auth_mode").asString()).isEqualTo("none");
        assertThat(fc.get("metadata").get("total_aircraft").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(fc.get("rate_limit").get("remaining").isNull()).isTrue();
    }

    @Test
    void statusCountsAndSummarisesThePicture() {
        JsonNode s = http.get("/api/status").json();
        assertThat(s.get("aircraft_count").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode stats = s.get("statistics");
        assertThat(stats.get("by_source").get("fixture").asInt()).isEqualTo(3);
        assertThat(stats.get("by_country").get("Atlantis").asInt()).isEqualTo(3);
        assertThat(stats.get("emergency").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("altitude_m").get("max").asDouble()).isGreaterThanOrEqualTo(11_000);
        JsonNode sim = s.get("sources").get(0);
        assertThat(sim.get("name").asString()).isEqualTo("sim");
        assertThat(sim.get("state").asString()).isEqualTo("UP");
        assertThat(s.get("uptime_s").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rateLimitSaysOpenSkyIsNotRunning() {
        JsonNode r = http.get("/api/rate-limit").json();
        assertThat(r.get("opensky_enabled").asBoolean()).isFalse();
        assertThat(r.get("can_make_request").asBoolean()).isFalse();
    }

    @Test
    void healthIsUpWithPerSourceDetail() {
        Response r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(r.json().get("sources").get("sim").get("state").asString()).isEqualTo("UP");
    }

    @Test
    void metricsArePrometheusText() {
        http.get("/api/flights");
        Response r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body())
                .contains(
                        "skysentinel_hub_aircraft",
                        "skysentinel_hub_changes_total",
                        "http_server_requests_seconds",
                        "skysentinel_bus_batches_total");
    }

    @Test
    void theDefaultInMemoryRunCreatesNothingKafka() {
        assertThat(context.getBeanNamesForType(KafkaRoles.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.skysentinel.stream.kafka.EnvelopeCodec.class))
                .isEmpty();
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/flights")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/airspace")).isTrue();
        Response ui = http.get("/swagger-ui.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    private static List<String> ids(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r.json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("flights").forEach(f -> out.add(f.get("id").asString()));
        return out;
    }
}
