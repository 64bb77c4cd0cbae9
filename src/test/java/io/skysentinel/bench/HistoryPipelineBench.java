package io.skysentinel.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.analytics.AnalyticsEngine;
import io.skysentinel.analytics.AnalyticsRunner;
import io.skysentinel.analytics.AnalyticsSettings;
import io.skysentinel.analytics.airports.CatalogAirportIndex;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import io.skysentinel.history.AnalyticsRecorder;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.history.TestDatabase;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.stream.kafka.ConsumerMetrics;
import io.skysentinel.stream.kafka.DeadLetters;
import io.skysentinel.stream.kafka.FlightTopics;
import io.skysentinel.stream.kafka.HistoryConsumer;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.PublisherLoop;
import io.skysentinel.stream.kafka.UpdateRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Ingest → Kafka → history on one machine: a real in-JVM KRaft broker, the ingest leader's publishing loop on a
 * hub, and the history role's consumer with its real handler (analytics, then the writer into an embedded
 * PostgreSQL).
 * docs/benchmarks.md, "History through Kafka":
 * <ol>
 *   <li>states/s: flights.updates pre-filled with ROUNDS x AIRCRAFT accepted states; a fresh history consumer
 *   reads it from the beginning; states handled (analysed and written) per second until all are;</li>
 *   <li>end-to-end lag: AIRCRAFT aircraft, every one changed every 5 s, applied to the ingest hub at T; lag = the
 *   moment the history handler returned for a state (its row committed) minus T.</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.skysentinel.bench.HistoryPipelineBench
 * -Dbench= -Dbench.args= -Dbench.jvm=-Xmx2g} ({@code -Dhb.aircraft=10000 -Dhb.rounds=20 -Dhb.batches=12}).
 */
public final class HistoryPipelineBench {

    static final int AIRCRAFT = Integer.getInteger("hb.aircraft", 10_000);
    static final int ROUNDS = Integer.getInteger("hb.rounds", 20);
    static final int BATCHES = Integer.getInteger("hb.batches", 12);
    static final int WARMUP = 2;

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        try (TestDatabase db = new TestDatabase()) {
            throughput(KafkaSettings.of(broker.getBrokersAsString()).withPrefix("hrate"), db);
            db.jdbc.execute("TRUNCATE positions, flights, movements, events");
            endToEnd(KafkaSettings.of(broker.getBrokersAsString()).withPrefix("he2e"), db);
        } finally {
            broker.destroy();
            System.exit(0);
        }
    }

    static void topics(KafkaSettings s) {
        try (var admin = KafkaClients.admin(s)) {
            FlightTopics.ensure(admin, s);
        }
    }

    /** The history role's handler, as app.HistoryUpdates composes it: analytics first, then the writer. */
    static UpdateHandler<Aircraft> roleHandler(TestDatabase db, SimpleMeterRegistry meters) {
        AnalyticsRecorder recorder = new AnalyticsRecorder(db.jdbc, 100_000, 50_000);
        HistorySettings settings = TestDatabase.settings(1_000_000, 50_000, Duration.ofMillis(500));
        HistoryWriter writer = db.writer(settings, recorder, meters);
        AnalyticsRunner analytics = new AnalyticsRunner(
                new AnalyticsEngine(CatalogAirportIndex.builtIn(), AnalyticsSettings.defaults()),
                List.of(recorder),
                meters);
        return new UpdateHandler<>() {
            @Override
            public void handle(List<Update<Aircraft>> updates) throws Exception {
                analytics.handle(updates);
                writer.handle(updates);
            }

            @Override
            public void idle() throws Exception {
                writer.idle();
            }
        };
    }

    static HistoryConsumer consumer(
            KafkaSettings s, UpdateHandler<Aircraft> handler, Producer<String, byte[]> dlq, ConsumerMetrics metrics) {
        var meters = new SimpleMeterRegistry();
        return new HistoryConsumer(
                s,
                () -> KafkaClients.historyMember(s, "bench-history-" + System.nanoTime(), 10_000),
                handler,
                new UpdateRecords(KafkaPipelineBench.CODEC, new DeadLetters(s, dlq, meters)),
                metrics,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    static LiveHub<Aircraft> ingestHub() {
        return LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    static void throughput(KafkaSettings s, TestDatabase db) throws Exception {
        topics(s);
        LiveHub<Aircraft> ingest = ingestHub();
        try (var producer = KafkaClients.producer(s, "bench-fill")) {
            PublisherLoop loop = KafkaPipelineBench.loop(s, ingest, producer);
            loop.start(Set.of());
            long t0 = System.currentTimeMillis() / 1000 - ROUNDS;
            for (int r = 0; r < ROUNDS; r++) ingest.apply(KafkaPipelineBench.batch(t0 + r));
            loop.stop();
        }
        long states = (long) ROUNDS * AIRCRAFT;
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConsumerMetrics metrics = new ConsumerMetrics(meters);
        try (var dlq = KafkaClients.producer(s, "bench-dlq")) {
            long start = System.nanoTime();
            HistoryConsumer c =
                    consumer(s, roleHandler(db, meters), dlq, metrics).start();
            while (metrics.handledCount() < states) Thread.sleep(5);
            double secs = (System.nanoTime() - start) / 1e9;
            c.close();
            long stored = db.count("SELECT count(*) FROM positions");
            System.out.printf(
                    "history throughput: %,d states (%d x %d) read, analysed and written in %.2f s"
                            + " = %,.0f states/s; positions stored %,d%n",
                    states, ROUNDS, AIRCRAFT, secs, states / secs, stored);
        }
    }

    static void endToEnd(KafkaSettings s, TestDatabase db) throws Exception {
        topics(s);
        LiveHub<Aircraft> ingest = ingestHub();
        Map<Long, Long> appliedAt = new ConcurrentHashMap<>();
        List<Long> lags = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        UpdateHandler<Aircraft> real = roleHandler(db, meters);
        UpdateHandler<Aircraft> timed = new UpdateHandler<>() {
            @Override
            public void handle(List<Update<Aircraft>> updates) throws Exception {
                real.handle(updates);
                long now = System.currentTimeMillis();
                synchronized (lags) {
                    for (Update<Aircraft> u : updates) {
                        Long at = appliedAt.get(u.state().lastContactUnix());
                        if (at != null) lags.add(now - at);
                    }
                }
            }

            @Override
            public void idle() throws Exception {
                real.idle();
            }
        };
        ConsumerMetrics metrics = new ConsumerMetrics(meters);
        try (var producer = KafkaClients.producer(s, "bench-e2e");
                var dlq = KafkaClients.producer(s, "bench-dlq2")) {
            HistoryConsumer c = consumer(s, timed, dlq, metrics).start();
            while (!c.ready()) Thread.sleep(5);
            PublisherLoop loop = KafkaPipelineBench.loop(s, ingest, producer);
            loop.start(Set.of());
            long t0 = System.currentTimeMillis() / 1000;
            for (int b = 0; b < WARMUP + BATCHES; b++) {
                long t = t0 + 5L * b;
                var batch = KafkaPipelineBench.batch(t);
                if (b == WARMUP)
                    synchronized (lags) {
                        lags.clear();
                    }
                appliedAt.put(t, System.currentTimeMillis());
                ingest.apply(batch);
                Thread.sleep(5_000);
            }
            loop.stop();
            long expected = (long) AIRCRAFT * (WARMUP + BATCHES);
            while (metrics.handledCount() < expected) Thread.sleep(10);
            c.close();
        }
        long[] sorted;
        synchronized (lags) {
            sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(
                "end-to-end lag ingest hub -> flights.updates -> history row committed, %d aircraft every"
                        + " 5 s, %d batches measured, %,d states: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms"
                        + " (expected %,d states)%n",
                AIRCRAFT,
                BATCHES,
                sorted.length,
                KafkaPipelineBench.pct(sorted, 50),
                KafkaPipelineBench.pct(sorted, 90),
                KafkaPipelineBench.pct(sorted, 99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                (long) AIRCRAFT * BATCHES);
        var flush = meters.find("skysentinel.history.flush").timer();
        System.out.printf(
                "breakdown: history COPY per batch mean %.0f ms (max %.0f ms) over %d batches%n",
                flush.mean(TimeUnit.MILLISECONDS), flush.max(TimeUnit.MILLISECONDS), flush.count());
    }
}
