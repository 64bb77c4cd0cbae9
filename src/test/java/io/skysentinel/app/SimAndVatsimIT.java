package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WsTestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application with {@code SKYSENTINEL_SOURCES=sim,vatsim}: the simulator and a local server that behaves like
 * VATSIM (a status.json naming two data URLs, both serving the recorded feed of 2024-11-21 12:57:25Z) make one picture,
 * in {@code /api/flights} and on {@code /ws/flights}, with the controllers on {@code /api/atc-positions}.
 */
@EnabledIf("recordingPresent")
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim,vatsim",
            "skysentinel.sim.count=20",
            "skysentinel.sim.tick=1s",
            "skysentinel.vatsim.poll-interval=1s"
        })
class SimAndVatsimIT {

    static final Path FEED = Path.of("..", "shared", "data", "vatsim", "vatsim-data-20241121T125725Z.json");
    static final Duration WAIT = Duration.ofSeconds(60);
    static HttpServer vatsim;

    @LocalServerPort
    int port;

    static boolean recordingPresent() {
        return Files.isRegularFile(FEED);
    }

    @DynamicPropertySource
    static void vatsimServer(DynamicPropertyRegistry registry) throws IOException {
        byte[] feed = Files.readAllBytes(FEED);
        vatsim = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + vatsim.getAddress().getPort();
        byte[] status = ("{\"data\":{\"v3\":[\"" + base + "/a/vatsim-data.json\",\"" + base + "/b/vatsim-data.json\"]},"
                        + "\"user\":[],\"metar\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        vatsim.createContext("/status.json", x -> reply(x, status));
        vatsim.createContext("/a/", x -> reply(x, feed));
        vatsim.createContext("/b/", x -> reply(x, feed));
        vatsim.start();
        registry.add("skysentinel.vatsim.status-url", () -> base + "/status.json");
    }

    static void reply(com.sun.net.httpserver.HttpExchange x, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
        x.close();
    }

    @AfterAll
    static void stopServer() {
        if (vatsim != null) vatsim.stop(0);
    }

    @Test
    void bothNetworksAreOnePictureInRestAndOnTheSocket() throws Exception {
        JsonNode recorded = JsonMapper.builder().build().readTree(FEED.toFile());
        int pilots = recorded.get("pilots").size();
        JsonNode first = recorded.get("pilots").get(0);
        HttpJson http = new HttpJson(port);

        JsonNode vatsimPage = http.await(
                        "/api/flights?source=vatsim&limit=1",
                        r -> r.status() == 200 && r.json().get("total").asInt() > pilots * 9 / 10,
                        WAIT)
                .json();
        assertThat(vatsimPage.get("total").asInt()).isLessThanOrEqualTo(pilots);
        assertThat(http.get("/api/flights?source=sim&limit=1").json().get("total").asInt())
                .isPositive();

        JsonNode one = http.get("/api/flights/vatsim-" + first.get("cid").asLong()).json();
        assertThat(one.get("source").asString()).isEqualTo("vatsim");
        assertThat(one.get("callsign").asString()).isEqualTo(first.get("callsign").asString());
        assertThat(one.get("icao24").isNull()).isTrue();
        assertThat(one.get("altitude_m").asDouble())
                .isCloseTo(first.get("altitude").asDouble() * 0.3048, org.assertj.core.data.Offset.offset(0.01));
        assertThat(one.get("vatsim").get("flight_plan").get("departure").asString())
                .isEqualTo(first.get("flight_plan").get("departure").asString());

        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/flights")) {
            JsonNode snapshot = ws.until(f -> "snapshot".equals(f.get("type").asString()), WAIT).getLast();
            Set<String> sources = new HashSet<>();
            snapshot.get("aircraft").forEach(a -> sources.add(a.get("source").asString()));
            assertThat(sources).contains("sim", "vatsim");
        }

        JsonNode atc = http.await(
                        "/api/atc-positions?limit=1000", r -> r.json().get("total").asInt() > 0, WAIT)
                .json();
        assertThat(atc.get("total").asInt()).isLessThanOrEqualTo(recorded.get("controllers").size()
                + recorded.get("atis").size());
        JsonNode status = http.get("/api/network/status").json();
        assertThat(status.get("pilots").asInt()).isEqualTo(pilots);
        assertThat(status.get("feed_url").asString()).contains("/vatsim-data.json");
    }
}
