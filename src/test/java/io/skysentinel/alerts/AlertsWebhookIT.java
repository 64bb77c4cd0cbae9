package io.skysentinel.alerts;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.AtcFixtures;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WebhookReceiver;
import io.skysentinel.testing.WebhookReceiver.Received;
import io.skysentinel.testing.WsTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts end to end with the simulator running, rules in the embedded PostgreSQL and a local webhook receiver: a
 * callsign-prefix rule fires on the first state of a new aircraft with a valid signature; a receiver failing three
 * times gets the same delivery once more; deleting a rule stops it (and needs its owner token).
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=20",
            "skysentinel.sim.tick=1s",
            "skysentinel.alerts.retry-base=50ms",
            "skysentinel.alerts.retry-max=200ms",
            "skysentinel.alerts.retry-for=1m",
            "skysentinel.alerts.webhook-allow=127.0.0.1/32" // the local receiver; anything else private is refused
        })
class AlertsWebhookIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicLong CLOCK = new AtomicLong(Instant.now().getEpochSecond());
    static WebhookReceiver receiver;
    static Path pgDir;

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @BeforeAll
    static void start() throws IOException {
        receiver = new WebhookReceiver();
        Files.createDirectories(Path.of("target"));
        pgDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-alerts-");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("skysentinel.history.pg-dir", () -> pgDir.toString());
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    JsonNode createRule(String name, String callsign, String path) {
        HttpJson.Response r = new HttpJson(port)
                .request(
                        "POST",
                        "/api/alerts/rules",
                        "{\"name\": \"" + name + "\", \"when\": {\"callsign\": \"" + callsign + "\"},"
                                + " \"deliver\": {\"webhook\": \"" + receiver.url(path) + "\", \"secret\": \"s3\"},"
                                + " \"cooldown_s\": 600}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long appear(String icao24, String callsign) {
        long t = CLOCK.addAndGet(2);
        bus.publish(SourceBatch.live(
                "fixture",
                t * 1000,
                List.of(plane(icao24)
                        .from("fixture")
                        .callsign(callsign)
                        .at(40.6, -73.8)
                        .alt(3_000)
                        .seen(t)
                        .build())));
        return t;
    }

    @Test
    void aCallsignRuleFiresOnTheAircraftsFirstStateWithAValidSignature() throws Exception {
        JsonNode rule = createRule("united", "ZZU*", "/united");
        assertThat(rule.get("owner_token").asString()).hasSizeGreaterThan(30);
        assertThat(rule.get("deliver").get("secret_set").asBoolean()).isTrue();
        assertThat(rule.get("deliver").has("secret")).isFalse();
        assertThat(rule.get("deliver").get("webhook").asString()).isEqualTo(receiver.url("/united"));
        JsonNode shown = new HttpJson(port)
                .get("/api/alerts/rules/" + rule.get("id").asLong())
                .json();
        assertThat(shown.get("deliver").get("webhook").asString())
                .as("others see no path: webhook URLs often carry a token")
                .endsWith("/…")
                .doesNotContain("united");
        long t = appear("a0a001", "ZZU101");
        Received r = receiver.next("/united", WAIT);
        assertThat(r).as("a webhook POST").isNotNull();
        assertThat(r.header("X-SkySentinel-Signature"))
                .isEqualTo(Signature.of(r.body().getBytes(StandardCharsets.UTF_8), "s3"))
                .startsWith("sha256=");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("kind").asString()).isEqualTo("fired");
        assertThat(body.get("rule").get("id").asLong()).isEqualTo(rule.get("id").asLong());
        assertThat(body.get("rule").get("name").asString()).isEqualTo("united");
        assertThat(body.get("flight").get("callsign").asString().trim()).isEqualTo("ZZU101");
        // the state that fired it is the aircraft's first: one source update, not a later one
        assertThat(body.get("flight").get("last_contact_unix").asLong()).isEqualTo(t);
        assertThat(r.header("X-SkySentinel-Delivery")).isEqualTo(body.get("id").asString());
        Instant.parse(body.get("fired_at").asString());

        appear("a0a001", "ZZU101"); // the same episode: no second alert
        HttpJson.Response log = new HttpJson(port)
                .await(
                        "/api/alerts?rule=" + rule.get("id").asLong(),
                        x -> x.json() != null && x.json().get("total").asLong() >= 1,
                        WAIT);
        assertThat(log.json().get("alerts").get(0).get("body").get("id").asString())
                .isEqualTo(body.get("id").asString());
    }

    @Test
    void aFailingReceiverGetsTheSameDeliveryOnceMoreAfterTheRetries() throws Exception {
        receiver.failFirst("/flaky", 3);
        JsonNode rule = createRule("flaky", "ZZF*", "/flaky");
        appear("a0a002", "ZZF202");
        Received last = null;
        for (int i = 0; i < 4; i++) {
            last = receiver.next("/flaky", WAIT);
            assertThat(last).as("attempt %d", i + 1).isNotNull();
        }
        assertThat(last.answered()).isEqualTo(200);
        List<Received> all = receiver.received("/flaky");
        assertThat(all).extracting(Received::answered).containsExactly(500, 500, 500, 200);
        assertThat(all)
                .extracting(x -> x.header("X-SkySentinel-Delivery"))
                .containsOnly(all.getFirst().header("X-SkySentinel-Delivery"));
        assertThat(all).extracting(Received::body).containsOnly(all.getFirst().body());
        HttpJson.Response status = new HttpJson(port)
                .await(
                        "/api/alerts/rules/" + rule.get("id").asLong() + "/delivery",
                        x -> x.json().get("delivered").asLong() == 1,
                        WAIT);
        assertThat(status.json().get("failed_attempts").asLong()).isEqualTo(3);
        assertThat(status.json().get("last_error").asString()).isEqualTo("HTTP 500");
        assertThat(status.json().get("dead_letters").asLong()).isZero();
        assertThat(receiver.received("/flaky")).as("nothing after the 200").hasSize(4);
    }

    JsonNode post(String body) {
        HttpJson.Response r = new HttpJson(port).request("POST", "/api/alerts/rules", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void anAtcRuleFiresWhenThePositionComesOnlineAndEndsWhenItLeaves() throws Exception {
        post("{\"name\": \"heathrow\", \"when\": {\"atc\": \"online\", \"atc_callsign\": \"EGLL_*\"},"
                + " \"notify_ended\": true, \"deliver\": {\"webhook\": \"" + receiver.url("/atc") + "\"}}");
        bus.publish(AtcFixtures.nextFeed(AtcFixtures.heathrowTower(), AtcFixtures.gatwickGround()));
        JsonNode fired = JSON.readTree(receiver.next("/atc", WAIT).body());
        assertThat(fired.get("kind").asString()).isEqualTo("fired");
        assertThat(fired.get("atc").get("callsign").asString()).isEqualTo("EGLL_S_TWR");
        assertThat(fired.get("atc").get("name").isNull()).as("no personal name").isTrue();
        assertThat(fired.has("flight")).isFalse();
        bus.publish(AtcFixtures.nextFeed(AtcFixtures.gatwickGround())); // the tower logged off
        JsonNode ended = JSON.readTree(receiver.next("/atc", WAIT).body());
        assertThat(ended.get("kind").asString()).isEqualTo("ended");
        assertThat(ended.get("atc").get("callsign").asString()).isEqualTo("EGLL_S_TWR");
    }

    @Test
    void anEventRuleFiresOnTheDetectorsEvent() throws Exception {
        post("{\"name\": \"mayday\", \"when\": {\"event\": \"squawk_7700\", \"callsign\": \"ZZE*\"},"
                + " \"deliver\": {\"webhook\": \"" + receiver.url("/event") + "\"}}");
        for (int i = 0; i < 2; i++) {
            long t = CLOCK.addAndGet(2);
            bus.publish(SourceBatch.live(
                    "fixture",
                    t * 1000,
                    List.of(plane("a0a009")
                            .from("fixture")
                            .callsign("ZZE909")
                            .at(-40, -20 + i * 0.01)
                            .alt(9_000)
                            .squawk("7700")
                            .seen(t)
                            .build())));
        }
        JsonNode body = JSON.readTree(receiver.next("/event", WAIT).body());
        assertThat(body.get("event").get("kind").asString()).isEqualTo("squawk_7700");
        assertThat(body.get("event").get("id").asString()).isEqualTo("a0a009");
        assertThat(body.get("flight").get("squawk").asString()).isEqualTo("7700");
    }

    @Test
    void aRefusedDeliveryBecomesADeadLetterAtOnce() throws Exception {
        receiver.refuse("/gone", 410);
        JsonNode rule = createRule("gone", "ZZG*", "/gone");
        appear("a0a008", "ZZG808");
        Received r = receiver.next("/gone", WAIT);
        assertThat(r).isNotNull();
        HttpJson.Response status = new HttpJson(port)
                .await(
                        "/api/alerts/rules/" + rule.get("id").asLong() + "/delivery",
                        x -> x.json().get("dead_letters").asLong() == 1
                                && x.json().get("dead_letter_list").size() == 1,
                        WAIT);
        JsonNode dead = status.json().get("dead_letter_list").get(0);
        assertThat(dead.get("delivery_id").asString()).isEqualTo(r.header("X-SkySentinel-Delivery"));
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("last_error").asString()).isEqualTo("HTTP 410");
        assertThat(dead.get("body").get("flight").get("callsign").asString().trim())
                .isEqualTo("ZZG808");
        assertThat(dead.get("webhook").asString()).endsWith("/…");
        assertThat(receiver.received("/gone")).as("a 410 is not retried").hasSize(1);
    }

    @Test
    void deletingARuleNeedsItsTokenAndStopsIt() throws Exception {
        JsonNode rule = createRule("doomed", "ZZD*", "/doomed");
        long id = rule.get("id").asLong();
        appear("a0a003", "ZZD303");
        assertThat(receiver.next("/doomed", WAIT)).isNotNull();
        HttpJson http = new HttpJson(port);
        HttpJson.Response anonymous = http.request("DELETE", "/api/alerts/rules/" + id, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("problem+json");
        assertThat(http.request("DELETE", "/api/alerts/rules/" + id, null, "Authorization", "Bearer nope")
                        .status())
                .isEqualTo(403);
        String token = rule.get("owner_token").asString();
        assertThat(http.request("DELETE", "/api/alerts/rules/" + id, null, "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/api/alerts/rules/" + id).status()).isEqualTo(404);

        createRule("marker", "ZZM*", "/marker");
        appear("a0a004", "ZZD404"); // would match the deleted rule
        appear("a0a005", "ZZM505"); // evaluated after it, on the same follower thread
        assertThat(receiver.next("/marker", WAIT)).as("the marker arrived").isNotNull();
        assertThat(receiver.received("/doomed")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void subscribedWebSocketClientsGetAlertFrames(String format) throws Exception {
        JsonNode rule = createRule("ws-" + format, "ZZW" + format.charAt(0) + "*", "/ws");
        long id = rule.get("id").asLong();
        String url = "ws://127.0.0.1:" + port + "/ws/flights?format=" + format;
        try (WsTestClient subscribed = new WsTestClient(url);
                WsTestClient other = new WsTestClient(url)) {
            subscribed.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            other.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            subscribed.send("{\"type\":\"alerts\",\"rules\":[" + id + "]}");
            other.send("{\"type\":\"alerts\",\"rules\":[" + (id + 1000) + "]}");
            // a bad message after it: its error frame shows the subscription was applied (same thread, in order)
            subscribed.send("{\"type\":\"alerts\",\"rules\":\"some\"}");
            subscribed.until(f -> f.get("type").asString().equals("error"), WAIT);
            long t = appear(format.equals("json") ? "a0a006" : "a0a007", "ZZW" + format.charAt(0) + "1");
            JsonNode frame = subscribed
                    .until(f -> f.get("type").asString().equals("alert"), WAIT)
                    .getLast();
            assertThat(frame.get("time").asLong()).isPositive();
            JsonNode alert = frame.get("alert");
            assertThat(alert.get("kind").asString()).isEqualTo("fired");
            assertThat(alert.get("rule").get("id").asLong()).isEqualTo(id);
            assertThat(alert.get("flight").get("last_contact_unix").asLong()).isEqualTo(t);
            // the other client's alert frame, had it been sent, would come before this error frame
            other.send("{}");
            List<JsonNode> seen = other.until(f -> f.get("type").asString().equals("error"), WAIT);
            assertThat(seen).noneMatch(f -> f.get("type").asString().equals("alert"));
        }
    }

    @Test
    void aBadRuleIsAProblemNamingTheField() {
        HttpJson.Response r = new HttpJson(port)
                .request(
                        "POST",
                        "/api/alerts/rules",
                        "{\"name\": \"x\", \"when\": {\"area\": {\"polygon\": [[47, 8], [48, 8], [48, 9], [47, 9]]}}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.json().get("parameter").asString()).isEqualTo("when.area.polygon");
        HttpJson.Response kind = new HttpJson(port)
                .request("POST", "/api/alerts/rules", "{\"name\": \"x\", \"when\": {\"event\": \"party\"}}");
        assertThat(kind.json().get("parameter").asString()).isEqualTo("when.event");
        assertThat(new HttpJson(port)
                        .request("POST", "/api/alerts/rules", "{oops")
                        .json()
                        .get("parameter")
                        .asString())
                .isEqualTo("body");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/", // a cloud metadata service
                "http://10.0.0.5:5432/",
                "http://[::1]:8080/actuator",
                "http://127.0.0.2/hook" // loopback, but outside the listed 127.0.0.1/32
            })
    void aWebhookToAPrivateAddressIsRefusedNamingTheField(String url) {
        HttpJson.Response r = new HttpJson(port)
                .request(
                        "POST",
                        "/api/alerts/rules",
                        "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"deliver\": {\"webhook\": \"" + url
                                + "\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.json().get("parameter").asString()).isEqualTo("deliver.webhook");
        assertThat(r.json().get("detail").asString()).contains("ALERTS_WEBHOOK_ALLOW");
    }
}
