package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.HttpJson.Response;
import io.skysentinel.testing.WsTestClient;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The per-client limits and CORS with low limits of their own. Each test speaks from its own loopback address
 * (127.0.0.N), so each is a fresh client to the per-address buckets.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.history.enabled=false",
            "skysentinel.admin.token=" + GuardLimitsIT.TOKEN,
            "skysentinel.admin.failures-per-minute=2",
            "skysentinel.api.rate-limit-burst=5",
            "skysentinel.api.rate-limit-per-second=0.01",
            "skysentinel.api.cors-origins=https://ops.example.org",
            "skysentinel.ws.limits.connect-burst=2",
            "skysentinel.ws.limits.connect-per-second=0.01",
            "skysentinel.ws.limits.subscribe-burst=2",
            "skysentinel.ws.limits.subscribe-per-second=0.01"
        })
class GuardLimitsIT {

    static final String TOKEN = "guard-limits-token";

    @LocalServerPort
    int port;

    @Test
    void pastItsBurstAClientGets429ProblemsWithRetryAfterAndOthersAreNotAffected() {
        HttpJson client = HttpJson.from("127.0.0.11", port);
        for (int i = 0; i < 5; i++)
            assertThat(client.get("/api/status").status()).isEqualTo(200);
        Response limited = client.get("/api/flights");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().get("retry_after_s").asLong()).isPositive();
        assertThat(HttpJson.from("127.0.0.12", port).get("/api/status").status())
                .isEqualTo(200);
        assertThat(client.get("/health").status()).as("only /api/** is limited").isEqualTo(200);
        assertThat(client.get("/metrics").body()).containsPattern("skysentinel_ratelimit_rejected_total\\{[^}]*rest");
    }

    @Test
    void failedAdminAttemptsLockTheAddressOutEvenForTheRightToken() {
        HttpJson client = HttpJson.from("127.0.0.13", port);
        assertThat(client.withHeader("Authorization", "Bearer guess1")
                        .get("/api/performance/metrics")
                        .status())
                .isEqualTo(401);
        assertThat(client.withHeader("Authorization", "Bearer guess2")
                        .get("/api/performance/metrics")
                        .status())
                .isEqualTo(401);
        Response locked = client.withHeader("Authorization", "Bearer " + TOKEN).get("/api/performance/metrics");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(HttpJson.from("127.0.0.14", port)
                        .withHeader("Authorization", "Bearer " + TOKEN)
                        .get("/api/performance/metrics")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigin() {
        HttpJson client = HttpJson.from("127.0.0.15", port);
        Response allowed = client.withHeader("Origin", "https://ops.example.org")
                .withHeader("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/api/flights", null, null);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.org");
        Response other = client.withHeader("Origin", "https://evil.example")
                .withHeader("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/api/flights", null, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void webSocketConnectsPastTheBurstAreRefusedWith429BeforeTheUpgrade() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.16"))
                .build();
        String url = "ws://127.0.0.1:" + port + "/ws/flights";
        try (WsTestClient a = new WsTestClient(url, http);
                WsTestClient b = new WsTestClient(url, http)) {
            assertThatThrownBy(() -> new WsTestClient(url, http))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(429));
        }
    }

    @Test
    void subscribeMessagesPastTheBurstAreIgnoredWithAnErrorFrame() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.17"))
                .build();
        try (WsTestClient c = new WsTestClient("ws://127.0.0.1:" + port + "/ws/flights", http)) {
            String subscribe = "{\"type\":\"subscribe\",\"filter\":{\"bbox\":[40,-75,41,-73]}}";
            for (int i = 0; i < 3; i++) c.send(subscribe);
            boolean refused = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!refused && System.nanoTime() < deadline) {
                JsonNode f = c.next(Duration.ofSeconds(10));
                refused = "error".equals(f.path("type").asString(""))
                        && f.toString().contains("too many messages");
            }
            assertThat(refused).isTrue();
        }
    }
}
