package io.skysentinel.app;

import io.skysentinel.core.Aircraft;
import io.skysentinel.SkySentinelApplication;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.testing.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application with SKYSENTINEL_BUS=kafka on a real in-JVM broker: one instance with both roles (the
 * simulator as its source) and one hub-only instance; both serve the same picture and say so on /health.
 */
class KafkaRolesIT {

    static EmbeddedKafkaKraftBroker broker;
    static ConfigurableApplicationContext both, hubOnly, standby;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        both = run("ingest,serve");
        hubOnly = run("serve");
        standby = run("ingest,serve");
    }

    static ConfigurableApplicationContext run(String roles) {
        return new SpringApplicationBuilder(SkySentinelApplication.class).run("--server.port=0",
                "--skysentinel.bus.type=kafka", "--skysentinel.roles=" + roles,
                "--skysentinel.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--skysentinel.kafka.partitions=2", "--skysentinel.kafka.session-timeout=6s",
                "--skysentinel.sources=sim", "--skysentinel.sim.count=30", "--skysentinel.sim.tick=200ms");
    }

    @AfterAll
    static void stop() {
        if (standby != null) standby.close();
        if (hubOnly != null) hubOnly.close();
        if (both != null) both.close();
        broker.destroy();
    }

    static HttpJson http(ConfigurableApplicationContext c) {
        return new HttpJson(((WebServerApplicationContext) c).getWebServer().getPort());
    }

    @Test
    void bothInstancesServeTheSimulatedTrafficThroughKafka() throws Exception {
        for (var c : new ConfigurableApplicationContext[]{both, hubOnly, standby}) {
            HttpJson http = http(c);
            http.await("/api/flights?source=sim", r -> r.json().get("total").asInt() >= 30, Duration.ofSeconds(60));
            var health = http.await("/health", r -> r.status() == 200, Duration.ofSeconds(30));
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(health.json().get("ready").get("kafka").asBoolean()).isTrue();
        }
        assertThat(both.getBean(KafkaRoles.class).leader()).isTrue();
        assertThat(hubOnly.getBean(KafkaRoles.class).leader()).isFalse();
        // the second ingest instance stands by: it polls nothing, yet serves the picture, UP and not stale
        assertThat(standby.getBean(KafkaRoles.class).leader()).isFalse();
        assertThat(standby.getBean(KafkaRoles.class).standby()).isTrue();
        assertThat(http(standby).get("/health").json().get("sources").get("sim").get("state").asString()).isEqualTo("DOWN");
        assertThat(http(standby).get("/api/flights?limit=1").json().get("stale").asBoolean()).isFalse();
        // the hub-only instance runs no source of its own
        assertThat(http(hubOnly).get("/health").json().get("sources").isEmpty()).isTrue();
        // the pictures converge: the same ids on both (the simulator keeps moving, so compare ids at a quiet moment)
        LiveHub<Aircraft> a = both.getBean(LiveHub.class), b = hubOnly.getBean(LiveHub.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ids(a).equals(ids(b)) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(ids(b)).isEqualTo(ids(a));
        String text = http(hubOnly).get("/metrics").body();
        assertThat(text).contains("skysentinel_kafka_follower_records_total").containsPattern("skysentinel_kafka_follower_ready\\{[^}]*} 1\\.0");
        assertThat(http(both).get("/metrics").body()).containsPattern("skysentinel_kafka_ingest_leader\\{[^}]*} 1\\.0")
                .contains("skysentinel_kafka_published_total{application=\"skysentinel\",kind=\"update\"}");
    }

    static Set<String> ids(LiveHub<Aircraft> hub) {
        Set<String> out = new TreeSet<>();
        hub.snapshot().entities().forEach(x -> out.add(x.id()));
        return out;
    }
}
