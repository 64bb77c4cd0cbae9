package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import io.skysentinel.history.TestDatabase;
import io.skysentinel.hub.Follower;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.StateTopicKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An ingest failover mid-stream, the real application on a real broker: two ingest-only instances (the simulator as
 * their source) and a history instance writing to a real PostgreSQL. The leader stops mid-stream; the standby takes
 * over with a smaller fleet. Every position either leader's hub accepted is in the history table exactly once, and
 * flights.state ends with exactly the new leader's picture: the aircraft it inherited and never saw are tombstoned
 * after their grace. (A leader that dies instead loses what it accepted and had not yet handed to Kafka: see
 * docs/kafka.md#guarantees.)
 */
class KafkaFailoverIT {

    static EmbeddedKafkaKraftBroker broker;
    static TestDatabase db;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        db = new TestDatabase();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
        db.close();
    }

    static final String[] COMMON = {
        "--server.port=0",
        "--skysentinel.bus.type=kafka",
        "--skysentinel.kafka.partitions=3",
        "--skysentinel.kafka.session-timeout=6s",
        "--skysentinel.kafka.heartbeat-interval=500ms",
        "--skysentinel.kafka.heartbeat-timeout=3s",
        "--skysentinel.sources=sim",
        "--skysentinel.sim.tick=250ms",
        "--skysentinel.sim.emergency-probability=0",
        "--skysentinel.hub.stale-threshold=3s"
    };

    static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(COMMON));
        all.add("--skysentinel.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** An ingest-only instance whose hub (its bean hub: the source-fed one) logs every update from before it leads. */
    static ConfigurableApplicationContext ingest(int aircraft, List<Follower<Aircraft>> logs) {
        return new SpringApplicationBuilder(SkySentinelApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean("acceptedLog", Follower.class, () -> {
                            Follower<Aircraft> f = hub(ctx).follow("test-accepted", 1_000_000);
                            logs.add(f);
                            return f;
                        }))
                .run(args(
                        "--skysentinel.roles=ingest",
                        "--skysentinel.history.enabled=false",
                        "--skysentinel.sim.count=" + aircraft));
    }

    @SuppressWarnings("unchecked")
    static LiveHub<Aircraft> hub(org.springframework.context.ApplicationContext ctx) {
        return ctx.getBean("liveHub", LiveHub.class);
    }

    @Test
    void aLeaderThatStopsMidStreamLosesNoPositionAndTheNewLeadersPictureIsTheTopic() throws Exception {
        List<Follower<Aircraft>> logs = new ArrayList<>();
        List<Update<Aircraft>> accepted = new ArrayList<>();
        try (ConfigurableApplicationContext history = new SpringApplicationBuilder(SkySentinelApplication.class)
                .run(args(
                        "--skysentinel.roles=history",
                        "--skysentinel.history.db-url=" + db.server.jdbcUrl(),
                        "--skysentinel.history.db-user=" + db.server.user()))) {
            ConfigurableApplicationContext first = ingest(20, logs);
            KafkaRoles firstRoles = first.getBean(KafkaRoles.class);
            await("the first instance leads", firstRoles::leader);
            ConfigurableApplicationContext second = ingest(12, logs);
            KafkaRoles secondRoles = second.getBean(KafkaRoles.class);
            await("a few polls by the first leader", () -> logs.getFirst().offered() >= 100);
            assertThat(secondRoles.standby()).isTrue();

            first.close(); // mid-stream: sources stopped, their last batches sent, the partition handed over
            long handover = java.time.Instant.now().getEpochSecond();
            accepted.addAll(logs.getFirst().take(1_000_000, 0).updates());
            await("the standby leads", secondRoles::leader);
            // The standby's hub mirrored the first leader's updates, so its log fills before it polls at all: wait for
            // states of its own (positioned after the handover), or a loaded machine checks the first leader alone.
            List<Update<Aircraft>> fromSecond = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                fromSecond.addAll(logs.get(1).take(1_000_000, 0).updates());
                long own = fromSecond.stream()
                        .filter(u -> u instanceof Update.Upsert<Aircraft> up
                                && up.state().timePositionUnix() != null
                                && up.state().timePositionUnix() > handover)
                        .count();
                if (own >= 24 && secondRoles.terms() == 1) break; // two polls of its 12 aircraft, grace over
                if (System.nanoTime() > deadline)
                    throw new AssertionError("timed out waiting for the new leader's own polls");
                Thread.sleep(50);
            }
            accepted.addAll(fromSecond);
            Thread.sleep(3_500); // the stale threshold: the inherited aircraft it never saw are tombstoned now
            Set<String> newLeaderPicture = ids(hub(second));
            second.close();
            accepted.addAll(logs.get(1).take(1_000_000, 0).updates());

            Set<String> expected = new HashSet<>();
            for (Update<Aircraft> u : accepted) {
                if (!(u instanceof Update.Upsert<Aircraft> up) || up.state().position() == null) continue;
                expected.add(up.id() + "@" + up.state().timePositionUnix() * 1000);
            }
            // Coverage, not a count: positions are keyed to the second, so 100 updates may be fewer distinct rows.
            assertThat(expected)
                    .as("positions from both leaders, before and after the handover")
                    .anyMatch(k -> Long.parseLong(k.substring(k.indexOf('@') + 1)) / 1000 < handover)
                    .anyMatch(k -> Long.parseLong(k.substring(k.indexOf('@') + 1)) / 1000 > handover)
                    .hasSizeGreaterThan(24);
            await(
                    "history has written everything",
                    () -> db.count("SELECT count(*) FROM positions") >= expected.size());
            Set<String> stored = new HashSet<>(db.jdbc.queryForList(
                    "SELECT id || '@' || (extract(epoch FROM time) * 1000)::bigint FROM positions", String.class));
            assertThat(stored)
                    .as("every position either leader accepted, nothing else")
                    .isEqualTo(expected);
            assertThat(db.count("SELECT count(*) FROM positions"))
                    .as("none twice")
                    .isEqualTo(expected.size());

            KafkaSettings kafka = KafkaSettings.of(broker.getBrokersAsString());
            try (var reader = KafkaClients.reader(kafka, "failover-check")) {
                assertThat(new TreeSet<>(StateTopicKeys.live(reader, kafka.stateTopic(), Duration.ofSeconds(30))))
                        .as("flights.state holds the new leader's picture: inherited, never seen aircraft tombstoned")
                        .isEqualTo(newLeaderPicture);
            }
        }
    }

    static Set<String> ids(LiveHub<Aircraft> hub) {
        Set<String> out = new TreeSet<>();
        hub.snapshot().entities().forEach(a -> out.add(a.id()));
        return out;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
