package io.skysentinel.api.atc;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.AtcFixtures;
import io.skysentinel.testing.HttpJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ATC REST API on the real application (sim source): a VATSIM network batch published on the real bus fills the
 * real ATC hub, and the endpoints answer from it. The same context as {@code AtcPushIT}.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.sim.tick=1h",
            "skysentinel.ws.atc-interval=100ms"
        })
class AtcApiIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    JsonMapper mapper;

    HttpJson http;
    SourceBatch feed;

    @BeforeEach
    void publishAFeed() throws InterruptedException {
        http = new HttpJson(port);
        feed = AtcFixtures.nextFeed(
                AtcFixtures.heathrowTower(),
                AtcFixtures.heathrowAtis(),
                AtcFixtures.gatwickDirector(),
                AtcFixtures.gatwickGround());
        bus.publish(feed);
        long contact = feed.atc().getFirst().lastContactUnix();
        HttpJson.Response r = http.await(
                "/api/atc-positions",
                x -> x.json().get("total").asInt() == 4
                        && x.json()
                                        .get("positions")
                                        .get(0)
                                        .get("last_contact_unix")
                                        .asLong()
                                == contact,
                WAIT);
        assertThat(r.json().get("total").asInt()).isEqualTo(4);
    }

    @Test
    void listsThePositionsSortedByCallsignExactlyAsTheRecordsSerialise() {
        JsonNode body = http.get("/api/atc-positions").json();
        assertThat(body.propertyNames())
                .containsExactly("positions", "count", "total", "timestamp", "seq", "pagination");
        List<String> callsigns = body.get("positions")
                .valueStream()
                .map(p -> p.get("callsign").asString())
                .toList();
        assertThat(callsigns).containsExactly("EGKK_APP", "EGKK_GND", "EGLL_ATIS", "EGLL_S_TWR");
        AtcPosition tower = feed.atc().getFirst();
        assertThat(body.get("positions").get(3)).isEqualTo(mapper.readTree(mapper.writeValueAsString(tower)));
        assertThat(body.get("positions").get(3).get("frequency_mhz").asDouble()).isEqualTo(118.5);
        assertThat(body.get("positions").get(3).get("facility").get("short").asString())
                .isEqualTo("TWR");
        assertThat(body.get("seq").asLong()).isPositive();
        assertThat(body.get("pagination").get("next_offset").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "facility=twr|EGLL_ATIS,EGLL_S_TWR",
                "callsign=egkk|EGKK_APP,EGKK_GND",
                "kind=atis|EGLL_ATIS",
                "kind=controller&facility=GND|EGKK_GND",
                "limit=2&offset=1|EGKK_GND,EGLL_ATIS"
            })
    void filtersAndPages(String query, String expected) {
        JsonNode body = http.get("/api/atc-positions?" + query).json();
        List<String> callsigns = body.get("positions")
                .valueStream()
                .map(p -> p.get("callsign").asString())
                .toList();
        assertThat(String.join(",", callsigns)).isEqualTo(expected);
        assertThat(body.get("count").asInt()).isEqualTo(callsigns.size());
    }

    @Test
    void pagingSaysWhereTheNextPageStarts() {
        JsonNode p = http.get("/api/atc-positions?limit=3").json().get("pagination");
        assertThat(p.get("limit").asInt()).isEqualTo(3);
        assertThat(p.get("offset").asInt()).isZero();
        assertThat(p.get("next_offset").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/atc-positions?kind=observer, kind",
        "/api/atc-positions?limit=0, limit",
        "/api/atc-positions?facilty=TWR, facilty",
        "/api/atc-positions/by-controller-id?cid=1, cid",
        "/api/atc-positions/EGLL_TWR?x=1, x",
        "/api/atc-positions/EGLL.TWR, callsign",
        "/api/network/status?network=vatsim, network"
    })
    void badParametersAre400ProblemsNamingThem(String path, String parameter) {
        HttpJson.Response r = http.get(path);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("parameter").asString()).isEqualTo(parameter);
    }

    @Test
    void groupsPositionsByControllerId() {
        JsonNode body = http.get("/api/atc-positions/by-controller-id").json();
        assertThat(body.get("count").asInt()).isEqualTo(3);
        JsonNode controllers = body.get("controllers");
        assertThat(controllers.valueStream().map(c -> c.get("cid").asLong()).toList())
                .containsExactly(1072670L, 1390209L, 1410950L);
        // one member holds Heathrow tower and its ATIS
        assertThat(controllers
                        .get(0)
                        .get("positions")
                        .valueStream()
                        .map(p -> p.get("callsign").asString())
                        .toList())
                .containsExactly("EGLL_ATIS", "EGLL_S_TWR");
    }

    @Test
    void onePositionByCallsignCaseInsensitiveOr404() {
        HttpJson.Response r = http.get("/api/atc-positions/egkk_app");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(mapper.writeValueAsString(feed.atc().get(2)));

        HttpJson.Response missing = http.get("/api/atc-positions/EGLL_N_APP");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("EGLL_N_APP");
    }

    @Test
    void aPositionTheNextFeedNoLongerListsIsGone() throws InterruptedException {
        bus.publish(AtcFixtures.nextFeed(AtcFixtures.heathrowTower(), AtcFixtures.heathrowAtis()));
        HttpJson.Response r = http.await("/api/atc-positions/EGKK_GND", x -> x.status() == 404, WAIT);
        assertThat(r.status()).isEqualTo(404);
        assertThat(http.get("/api/atc-positions").json().get("total").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"/api/network/status", "/api/vatsim/ratings"})
    void networkEndpointsAre404WithoutANetworkSource(String path) {
        HttpJson.Response r = http.get(path);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString())
                .contains("No network source")
                .contains("sim");
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsAndTheirParameters() {
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/atc-positions/by-controller-id")).isTrue();
        assertThat(paths.has("/api/atc-positions/{callsign}")).isTrue();
        assertThat(paths.get("/api/network/status").get("get").get("summary").asString())
                .contains("Network figures");
        assertThat(paths.get("/api/vatsim/ratings").get("get").get("summary").asString())
                .contains("military_ratings null");
        JsonNode list = paths.get("/api/atc-positions").get("get");
        assertThat(list.get("summary").asString()).contains("sorted by callsign");
        assertThat(list.get("parameters")
                        .valueStream()
                        .map(p -> p.get("name").asString())
                        .toList())
                .containsExactly("facility", "callsign", "kind", "limit", "offset");
    }
}
