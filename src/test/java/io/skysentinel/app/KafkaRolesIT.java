package io.skysentinel.app;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.stream.kafka.Envelope;
import io.skysentinel.stream.kafka.EnvelopeCodec;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.SourceInfo;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WsTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application with SKYSENTINEL_BUS=kafka on a real in-JVM broker: an instance with ingest and serve (the
 * simulator as its source), one with serve and history, and a second ingest+serve instance standing by. All serve the
 * same picture and judge their health by the ingest heartbeat; events detected by the history role reach the browsers
 * of every serve instance once; when the ingest side is gone the picture is served marked stale.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaRolesIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static EmbeddedKafkaKraftBroker broker;
    static ConfigurableApplicationContext both, serveHistory, standby;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        both = run("ingest,serve");
        serveHistory = run("serve,history");
        standby = run("ingest,serve");
    }

    static ConfigurableApplicationContext run(String roles) {
        return new SpringApplicationBuilder(SkySentinelApplication.class)
                .run(
                        "--server.port=0",
                        "--skysentinel.bus.type=kafka",
                        "--skysentinel.roles=" + roles,
                        "--skysentinel.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--skysentinel.kafka.partitions=2",
                        "--skysentinel.kafka.session-timeout=6s",
                        "--skysentinel.kafka.heartbeat-interval=500ms",
                        "--skysentinel.kafka.heartbeat-timeout=3s",
                        "--skysentinel.sources=sim",
                        "--skysentinel.sim.count=30",
                        "--skysentinel.sim.tick=200ms",
                        "--skysentinel.sim.emergency-probability=0",
                        "--skysentinel.ws.delta-interval=50ms");
    }

    @AfterAll
    static void stop() {
        for (var c : new ConfigurableApplicationContext[] {standby, serveHistory, both}) if (c != null) c.close();
        broker.destroy();
    }

    static HttpJson http(ConfigurableApplicationContext c) {
        return new HttpJson(((WebServerApplicationContext) c).getWebServer().getPort());
    }

    @Test
    @Order(1)
    void everyInstanceServesTheSimulatedTrafficAndJudgesItByTheIngestHeartbeat() throws Exception {
        for (var c : new ConfigurableApplicationContext[] {both, serveHistory, standby}) {
            HttpJson http = http(c);
            http.await("/api/flights?source=sim", r -> r.json().get("total").asInt() >= 30, Duration.ofSeconds(60));
            var health = http.await(
                    "/health",
                    r -> r.status() == 200 && r.json().get("feed").get("live").asBoolean(),
                    WAIT);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(health.json().get("ready").get("kafka").asBoolean()).isTrue();
            // the upstream source as the leader reports it, on every instance: also where sim is stopped or absent
            assertThat(health.json().get("sources").get("sim").get("state").asString())
                    .isEqualTo("UP");
            assertThat(health.json()
                            .get("feed")
                            .get("upstream_data_age_s")
                            .get("sim")
                            .asDouble())
                    .isLessThan(60);
            assertThat(http.get("/api/flights?limit=1").json().get("stale").asBoolean())
                    .isFalse();
        }
        assertThat(both.getBean(KafkaRoles.class).leader()).isTrue();
        assertThat(serveHistory.getBean(KafkaRoles.class).leader()).isFalse();
        assertThat(standby.getBean(KafkaRoles.class).standby()).isTrue();
        // the pictures converge: the same ids on all (the simulator keeps moving, so compare ids)
        LiveHub<Aircraft> a = hub(both), b = hub(serveHistory);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ids(a).equals(ids(b)) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(ids(b)).isEqualTo(ids(a));
        String text = http(serveHistory).get("/metrics").body();
        assertThat(text)
                .contains("skysentinel_kafka_follower_records_total")
                .containsPattern("skysentinel_kafka_follower_ready\\{[^}]*} 1\\.0")
                .containsPattern("skysentinel_kafka_history_records_total\\{[^}]*} [1-9]")
                .contains("skysentinel_kafka_history_lag{");
        assertThat(http(both).get("/metrics").body())
                .containsPattern("skysentinel_kafka_ingest_leader\\{[^}]*} 1\\.0")
                .contains("skysentinel_kafka_published_total{application=\"skysentinel\",kind=\"update\"}")
                .containsPattern("skysentinel_kafka_heartbeats_total\\{[^}]*outcome=\"sent\"} [1-9]");
        JsonNode details =
                http(serveHistory).get("/health").json().get("details").get("kafka");
        assertThat(details.get("history_partitions").asInt()).isEqualTo(2);
        assertThat(details.get("history_failing").asBoolean()).isFalse();
    }

    @SuppressWarnings("unchecked")
    static LiveHub<Aircraft> hub(ConfigurableApplicationContext c) {
        return c.getBean("liveHub", LiveHub.class);
    }

    @Test
    @Order(2)
    void anEventDetectedByTheHistoryRoleReachesTheBrowsersOfEveryServeInstanceOnce() throws Exception {
        KafkaSettings kafka = KafkaSettings.of(broker.getBrokersAsString());
        EnvelopeCodec codec = new EnvelopeCodec(JsonMapper.builder().build());
        long t = Instant.now().getEpochSecond();
        try (WsTestClient onHistory = new WsTestClient("ws://127.0.0.1:" + port(serveHistory) + "/ws/flights");
                WsTestClient onLeader = new WsTestClient("ws://127.0.0.1:" + port(both) + "/ws/flights");
                var raw = KafkaClients.producer(kafka, "fixture")) {
            onHistory.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            onLeader.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            // three updates of one emergency, as an ingest leader would have published them
            for (int i = 0; i < 3; i++) {
                Aircraft a = plane("e07700")
                        .from("fixture")
                        .callsign("EMG77")
                        .at(-40, -20 + i * 0.01)
                        .alt(9_000)
                        .squawk("7700")
                        .seen(t + i)
                        .build();
                byte[] value = codec.encode(
                        Envelope.of(Envelope.FLIGHT_UPDATE, Instant.now(), SourceInfo.unknown("fixture"), null, a));
                raw.send(new ProducerRecord<>(kafka.updatesTopic(), a.id(), value))
                        .get();
            }
            for (WsTestClient ws : List.of(onHistory, onLeader)) {
                JsonNode e = ws.until(f -> isEvent(f, "e07700"), WAIT).getLast().get("event");
                assertThat(e.get("kind").asString()).isEqualTo("squawk_7700");
                assertThat(e.get("callsign").asString()).isEqualTo("EMG77");
            }
            // one episode, one event: the instance running serve and history pushes it once, not twice
            assertThat(onHistory.drain(Duration.ofSeconds(1))).noneMatch(f -> isEvent(f, "e07700"));
            assertThat(onLeader.drain(Duration.ofMillis(200))).noneMatch(f -> isEvent(f, "e07700"));
        }
    }

    static boolean isEvent(JsonNode f, String id) {
        return f.get("type").asString().equals("event")
                && f.get("event").get("id").asString().equals(id);
    }

    static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    @Test
    @Order(3)
    void aStandbyTakesOverAndWhenTheIngestSideIsGoneThePictureIsServedStale() throws Exception {
        both.close();
        KafkaRoles next = standby.getBean(KafkaRoles.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!next.leader() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(next.leader()).isTrue();
        HttpJson http = http(serveHistory);
        // the new leader's heartbeats: UP again (the await returns its last answer if that never happens)
        var health = http.await(
                "/health",
                r -> r.json().get("feed").get("live").asBoolean()
                        && r.json().get("feed").get("heartbeat_age_s").asDouble() < 1.0
                        && r.json().get("status").asString().equals("UP"),
                WAIT);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("sources").get("sim").get("state").asString())
                .isEqualTo("UP");

        standby.close(); // no ingest instance left: no heartbeat
        var gone = http.await("/health", r -> !r.json().get("feed").get("live").asBoolean(), WAIT);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("status").asString())
                .as("serving the last picture")
                .isEqualTo("DEGRADED");
        assertThat(gone.json().get("aircraft").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(http.get("/api/flights?limit=1").json().get("stale").asBoolean())
                .isTrue();
    }

    static Set<String> ids(LiveHub<Aircraft> hub) {
        Set<String> out = new TreeSet<>();
        hub.snapshot().entities().forEach(x -> out.add(x.id()));
        return out;
    }
}
