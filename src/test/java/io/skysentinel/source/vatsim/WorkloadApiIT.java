package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The workload endpoint on the real application fed by a local VATSIM serving a recorded feed (2024-11-21 12:57:25Z):
 * for a staffed approach (a TRACON) and a centre (a FIR), the aircraft counted now equal an independent count made
 * here — the position's outline as GeoJSON from /api/atc-areas, every VATSIM pilot from /api/flights, and a
 * ray-casting point-in-polygon test of the test's own (no JTS, no code of the application).
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=vatsim",
            "skysentinel.history.enabled=false",
            "skysentinel.workload.gauges-interval=500ms",
            "skysentinel.workload.gauges-top=5"
        })
class WorkloadApiIT {

    private static final String FEED = "vatsim-data-20241121T125725Z.json";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static FakeVatsim fake;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void vatsim(DynamicPropertyRegistry registry) throws IOException {
        Path dir = VatsimRecordings.dir("vatsim");
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(dir.resolve(FEED)), "../shared/data is absent");
        fake = new FakeVatsim(1, Files.readAllBytes(dir.resolve(FEED)));
        registry.add("skysentinel.vatsim.status-url", fake::statusUrl);
        registry.add("skysentinel.vatsim.poll-interval", () -> "500ms");
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tracon", "fir"})
    void aPositionsAircraftNowAreThoseInsideItsOutline(String kind) throws Exception {
        HttpJson http = new HttpJson(port);
        JsonNode positions = http.await(
                        "/api/atc-positions?limit=1000",
                        r -> r.json().get("total").asInt() > 0,
                        WAIT)
                .json()
                .get("positions");
        JsonNode flights =
                http.get("/api/flights?source=vatsim&limit=100000").json().get("flights");
        // Of the positions with such an area, the one with the most pilots inside by this test's own count.
        JsonNode position = null;
        int inside = -1;
        for (JsonNode p : positions) {
            if (p.get("area").isNull() || !kind.equals(p.get("area").get("kind").asString())) continue;
            JsonNode outline = http.get("/api/atc-areas/" + kind + "/"
                            + p.get("area").get("id").asString())
                    .json();
            int n = countInside(polygons(outline.get("geometry")), flights);
            if (n > inside) {
                inside = n;
                position = p;
            }
        }
        Assumptions.assumeTrue(position != null, "the recorded feed has no position with a " + kind + " area");
        assertThat(inside)
                .as("a staffed " + kind + " with traffic in the recorded feed")
                .isPositive();
        String callsign = position.get("callsign").asString();

        JsonNode w = http.get("/api/atc-positions/" + callsign + "/workload").json();
        assertThat(w.get("callsign").asString()).isEqualTo(callsign);
        JsonNode now = w.get("now");
        assertThat(now.get("total").asInt())
                .as(callsign + ": aircraft inside its " + kind)
                .isEqualTo(inside);
        assertThat(now.get("departing").asInt()
                        + now.get("arriving").asInt()
                        + now.get("overflying").asInt()
                        + now.get("on_ground").asInt())
                .isEqualTo(inside);
        List<Integer> horizons = new ArrayList<>();
        for (JsonNode f : w.get("forecast")) {
            horizons.add(f.get("horizon_min").asInt());
            for (String part : List.of("arrivals", "departures", "overflights")) {
                JsonNode b = f.get(part);
                assertThat(b.get("low").asDouble())
                        .isLessThanOrEqualTo(b.get("value").asDouble());
                assertThat(b.get("high").asDouble())
                        .isGreaterThanOrEqualTo(b.get("value").asDouble());
            }
        }
        assertThat(horizons).containsExactly(15, 30, 60);

        JsonNode sectors = http.get("/api/traffic/sectors").json().get("sectors");
        boolean listed = false;
        int previous = Integer.MAX_VALUE;
        for (JsonNode s : sectors) {
            assertThat(s.get("aircraft").asInt()).as("busiest first").isLessThanOrEqualTo(previous);
            previous = s.get("aircraft").asInt();
            if (s.get("kind").asString().equals(kind)
                    && s.get("id")
                            .asString()
                            .equals(position.get("area").get("id").asString())) {
                listed = true;
                assertThat(s.get("staffed").asBoolean()).isTrue();
            }
        }
        assertThat(listed).as("the staffed sector is listed").isTrue();
    }

    @org.junit.jupiter.api.Test
    void anUnknownPositionIs404AndAMalformedOne400() {
        HttpJson http = new HttpJson(port);
        HttpJson.Response missing = http.get("/api/atc-positions/ZZZZ_APP/workload");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
        HttpJson.Response bad = http.get("/api/atc-positions/EG%20LL/workload");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("callsign");
        assertThat(http.get("/api/traffic/sectors?lmit=3").status())
                .as("unknown parameter")
                .isEqualTo(400);
    }

    static int countInside(List<List<double[][]>> polygons, JsonNode flights) {
        int n = 0;
        for (JsonNode a : flights) {
            if (a.get("position").isNull()) continue;
            if (insideAny(
                    polygons,
                    a.get("position").get("lon").asDouble(),
                    a.get("position").get("lat").asDouble())) n++;
        }
        return n;
    }

    @org.junit.jupiter.api.Test
    void theBusiestPositionsHaveGaugesAndOnlyTheBusiest() throws Exception {
        HttpJson http = new HttpJson(port);
        String metrics = http.await("/metrics", r -> r.body().contains("skysentinel_atc_workload_aircraft{"), WAIT)
                .body();
        long series = metrics.lines()
                .filter(l -> l.startsWith("skysentinel_atc_workload_aircraft{"))
                .count();
        assertThat(series).as("bounded by gauges-top").isEqualTo(5);
        assertThat(metrics).containsPattern("skysentinel_atc_workload_forecast\\{[^}]*horizon=\"30m\"");
        // the busiest gauge agrees with the endpoint for that position
        String line = metrics.lines()
                .filter(l -> l.startsWith("skysentinel_atc_workload_aircraft{"))
                .max(java.util.Comparator.comparingDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))))
                .orElseThrow();
        String callsign = line.replaceAll(".*callsign=\"([^\"]+)\".*", "$1");
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        assertThat(http.get("/api/atc-positions/" + callsign + "/workload")
                        .json()
                        .get("now")
                        .get("total")
                        .asDouble())
                .isEqualTo(value);
    }

    /** GeoJSON Polygon / MultiPolygon → polygons, each a list of rings of [lon, lat]. */
    static List<List<double[][]>> polygons(JsonNode geometry) {
        List<List<double[][]>> out = new ArrayList<>();
        String type = geometry.get("type").asString();
        if (type.equals("Polygon")) out.add(rings(geometry.get("coordinates")));
        else for (JsonNode p : geometry.get("coordinates")) out.add(rings(p));
        return out;
    }

    static List<double[][]> rings(JsonNode polygon) {
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            double[][] r = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++)
                r[i] = new double[] {
                    ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()
                };
            rings.add(r);
        }
        return rings;
    }

    /** Inside the outer ring of a polygon and outside its holes (even-odd ray casting on lon/lat). */
    static boolean insideAny(List<List<double[][]>> polygons, double x, double y) {
        for (List<double[][]> p : polygons) {
            boolean in = crossings(p.getFirst(), x, y);
            for (int h = 1; h < p.size() && in; h++) if (crossings(p.get(h), x, y)) in = false;
            if (in) return true;
        }
        return false;
    }

    static boolean crossings(double[][] ring, double x, double y) {
        boolean in = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
        }
        return in;
    }
}
