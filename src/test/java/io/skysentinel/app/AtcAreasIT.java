package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.Geo;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.HttpJson.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** GET /api/atc-areas/{kind}/{id} on the real server (sim source), with one ATC position published on the bus. */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=10"})
class AtcAreasIT {

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    AtcLocator locator;

    HttpJson http;

    @BeforeEach
    void setUp() {
        http = new HttpJson(port);
    }

    @Test
    void airportIsAPoint() throws Exception {
        Response r = http.get("/api/atc-areas/airport/KJFK");
        assertThat(r.status()).isEqualTo(200);
        JsonNode f = r.json();
        assertThat(f.get("type").asString()).isEqualTo("Feature");
        assertThat(f.get("id").asString()).isEqualTo("KJFK");
        assertThat(f.at("/properties/kind").asString()).isEqualTo("airport");
        assertThat(f.at("/geometry/type").asString()).isEqualTo("Point");
        assertThat(f.at("/geometry/coordinates/0").asDouble()).isEqualTo(-73.778925); // [lon, lat]
        assertThat(f.at("/geometry/coordinates/1").asDouble()).isEqualTo(40.63975);
        assertThat(cacheControl("/api/atc-areas/airport/KJFK")).isEqualTo("max-age=3600");
        // an airport only the VRS table has (VAT-Spy lists 17.8k, VRS 34k)
        assertThat(http.get("/api/atc-areas/airport/00AK").status()).isEqualTo(200);
    }

    @Test
    void firUirAndTraconAreMultiPolygonsWithTheirLabel() {
        JsonNode fir = http.get("/api/atc-areas/fir/EGTT-S").json();
        assertThat(fir.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
        assertThat(fir.at("/properties/name").asString()).startsWith("London ACC");
        assertThat(fir.at("/properties/label_lat").asDouble()).isBetween(49.0, 53.0);
        JsonNode ring = fir.at("/geometry/coordinates/0/0");
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1)); // closed
        assertThat(http.get("/api/atc-areas/uir/RU-CEN")
                        .json()
                        .at("/geometry/coordinates")
                        .size())
                .isGreaterThan(1);
        JsonNode tracon = http.get("/api/atc-areas/tracon/N90").json();
        assertThat(tracon.at("/properties/name").asString()).isEqualTo("New York Approach");
        assertThat(tracon.at("/geometry/coordinates").size()).isGreaterThanOrEqualTo(6); // its six sector files
    }

    @Test
    void unknownKindIs400NamingKindAndUnknownIdIs404() {
        Response bad = http.get("/api/atc-areas/sector/EGTT");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("parameter").asString()).isEqualTo("kind");
        for (String path :
                List.of("/api/atc-areas/fir/NOPE", "/api/atc-areas/airport/ZZZZ", "/api/atc-areas/range/X_APP")) {
            Response missing = http.get(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void rangeIsACircleOfTheOnlinePositionsVisualRange() throws Exception {
        AtcLocator.Location at = locator.locate("KBDU_APP", 5, 40);
        assertThat(at.area().kind()).isEqualTo(AtcArea.RANGE);
        long now = Instant.now().getEpochSecond();
        AtcPosition app = new AtcPosition(
                AtcPosition.idFor("vatsim", "KBDU_APP"),
                "KBDU_APP",
                AtcPosition.CONTROLLER,
                1_234_567,
                "Test Controller",
                new AtcPosition.Code(5, "APP"),
                new AtcPosition.Code(5, "C1"),
                120.9,
                40,
                null,
                null,
                now - 600,
                now,
                at.position(),
                at.area(),
                "vatsim");
        bus.publish(SourceBatch.network("vatsim", now * 1000, List.of(), List.of(app)));
        Response r = http.await("/api/atc-areas/range/KBDU_APP", x -> x.status() == 200, Duration.ofSeconds(10));
        JsonNode f = r.json();
        assertThat(f.at("/properties/kind").asString()).isEqualTo("range");
        assertThat(f.at("/properties/radius_nm").asInt()).isEqualTo(40);
        assertThat(f.at("/geometry/type").asString()).isEqualTo("Polygon");
        JsonNode ring = f.at("/geometry/coordinates/0");
        assertThat(ring.size()).isEqualTo(65); // 64 vertices and the closing point
        for (JsonNode p : ring) {
            double d = Geo.distanceM(
                    at.position().lat(),
                    at.position().lon(),
                    p.get(1).asDouble(),
                    p.get(0).asDouble());
            assertThat(d).isCloseTo(40 * 1852.0, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(cacheControl("/api/atc-areas/range/kbdu_app")).isEqualTo("no-cache");
    }

    private String cacheControl(String path) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<Void> r = c.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.headers().firstValue("Cache-Control").orElse(null);
        }
    }
}
