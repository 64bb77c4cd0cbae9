package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.NetworkReporting;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WsTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The real application with {@code sim,vatsim}: both networks in /api/flights and on /ws/flights (local VATSIM). */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim,vatsim", "skysentinel.sim.count=30", "skysentinel.sim.tick=200ms"})
class VatsimApplicationIT {

    private static final String FEED = "vatsim-data-20230807T232929Z.json";
    private static FakeVatsim fake;

    @LocalServerPort
    int port;

    @Autowired
    SourceRegistry sources;

    @Autowired
    @Qualifier("atcHub")
    LiveHub<AtcPosition> atcHub;

    @DynamicPropertySource
    static void vatsim(DynamicPropertyRegistry registry) throws IOException {
        Path dir = VatsimRecordings.dir("vatsim");
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(dir.resolve(FEED)), "../shared/data is absent");
        fake = new FakeVatsim(2, Files.readAllBytes(dir.resolve(FEED)));
        registry.add("skysentinel.vatsim.status-url", fake::statusUrl);
        registry.add("skysentinel.vatsim.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) fake.close();
    }

    @Test
    void bothNetworksAreInTheFlightsApiAndOnTheSocket() throws InterruptedException {
        int pilots = new VatsimFeedParser()
                .parse(VatsimRecordings.bytes(FEED))
                .pilots()
                .size();
        HttpJson http = new HttpJson(port);
        HttpJson.Response vatsim = http.await(
                "/api/flights?source=vatsim&limit=5000",
                r -> r.status() == 200 && r.json().get("total").asInt() == pilots,
                Duration.ofSeconds(30));
        assertThat(vatsim.json().get("total").asInt())
                .as("every pilot of the feed")
                .isEqualTo(pilots);
        JsonNode first = vatsim.json().get("flights").get(0);
        assertThat(first.get("source").asString()).isEqualTo("vatsim");
        assertThat(first.get("id").asString()).startsWith("vatsim-");
        assertThat(first.get("vatsim").get("cid").asLong()).isPositive();
        HttpJson.Response sim =
                http.await("/api/flights?source=sim", r -> r.json().get("total").asInt() > 0, Duration.ofSeconds(30));
        assertThat(sim.json().get("total").asInt()).isPositive();
        HttpJson.Response one = http.get("/api/flights/vatsim-845775");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("callsign").asString()).isEqualTo("FDX375");
        assertThat(one.json()
                        .get("vatsim")
                        .get("flight_plan")
                        .get("aircraft_type")
                        .asString())
                .isEqualTo("B77L");

        assertThat(sources.names()).containsExactly("sim", "vatsim");
        NetworkReporting network = sources.networks().getFirst();
        assertThat(network.networkStatus().pilots()).isEqualTo(pilots);
        assertThat(network.networkStatus().unchangedSkipped()).isGreaterThanOrEqualTo(0);
        assertThat(atcHub.size())
                .isEqualTo(network.networkStatus().controllers()
                        + network.networkStatus().atis());
        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/flights")) {
            // The socket's picture (snapshot, then deltas) may trail the hub by a delta interval: follow it until it
            // holds every pilot, as a client would.
            java.util.Map<String, String> picture = new java.util.HashMap<>();
            ws.until(
                    f -> {
                        String type = f.get("type").asString();
                        if (type.equals("snapshot")) {
                            picture.clear();
                            f.get("aircraft")
                                    .forEach(a -> picture.put(
                                            a.get("id").asString(),
                                            a.get("source").asString()));
                        } else if (type.equals("delta")) {
                            f.get("upserts")
                                    .forEach(a -> picture.put(
                                            a.get("id").asString(),
                                            a.get("source").asString()));
                            f.get("removals").forEach(id -> picture.remove(id.asString()));
                        }
                        return picture.values().stream()
                                        .filter("vatsim"::equals)
                                        .count()
                                == pilots;
                    },
                    Duration.ofSeconds(30));
            Set<String> seen = new HashSet<>(picture.values());
            assertThat(seen).as("both networks on the socket").contains("sim", "vatsim");
        }
        HttpJson.Response health = http.get("/health");
        assertThat(health.body()).contains("vatsim");

        // The network's own endpoints answer from the same source.
        JsonNode status = http.get("/api/network/status").json();
        assertThat(status.get("pilots").asInt()).isEqualTo(pilots);
        assertThat(status.get("feed_url").asString()).endsWith(".json");
        assertThat(http.get("/api/atc-positions?limit=100000")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(atcHub.size())
                .isPositive();
        JsonNode ratings = http.get("/api/vatsim/ratings").json();
        assertThat(ratings.get("military_ratings").isArray())
                .as("a 2023 feed has military ratings")
                .isTrue();
        assertThat(ratings.get("facilities").size()).isPositive();
    }
}
