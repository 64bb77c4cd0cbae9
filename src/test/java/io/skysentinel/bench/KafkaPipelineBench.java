package io.skysentinel.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.stream.kafka.DeadLetters;
import io.skysentinel.stream.kafka.EnvelopeCodec;
import io.skysentinel.stream.kafka.FlightTopics;
import io.skysentinel.stream.kafka.IngestHeartbeat;
import io.skysentinel.stream.kafka.IngestPublisher;
import io.skysentinel.stream.kafka.KafkaClients;
import io.skysentinel.stream.kafka.KafkaSettings;
import io.skysentinel.stream.kafka.PublisherLoop;
import io.skysentinel.stream.kafka.SourceInfo;
import io.skysentinel.stream.kafka.StateFollower;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka pipeline on one machine, on a real in-JVM KRaft broker (docs/benchmarks.md, "Kafka"):
 * <ol>
 *   <li>apply rate: flights.state pre-filled with ROUNDS x AIRCRAFT envelopes; a fresh hub follows it from the
 *   beginning; records applied per second until it reports ready (the follower at full speed);</li>
 *   <li>end-to-end lag: AIRCRAFT aircraft, every one changed every 5 s, applied to an ingest hub and published;
 *   a hub-only SkySentinel instance (the real application) follows Kafka and pushes deltas to a WebSocket client;
 *   lag = the client receiving an aircraft's new state minus the moment the batch was applied at ingest.</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.skysentinel.bench.KafkaPipelineBench
 * -Dbench= -Dbench.args=} (one command line)
 * (JVM options and {@code -Dkb.aircraft=10000 -Dkb.batches=12} go in {@code -Dbench.jvm="..."}).
 */
public final class KafkaPipelineBench {

    static final int AIRCRAFT = Integer.getInteger("kb.aircraft", 10_000);
    static final int BATCHES = Integer.getInteger("kb.batches", 12);
    static final int WARMUP = 2;
    static final int ROUNDS = Integer.getInteger("kb.rounds", 20);
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    static final EnvelopeCodec CODEC = new EnvelopeCodec(JSON);

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try {
            applyRate(broker.getBrokersAsString());
            endToEnd(broker.getBrokersAsString());
        } finally {
            broker.destroy();
            System.exit(0);
        }
    }

    static KafkaSettings settings(String bootstrap, String prefix) {
        return KafkaSettings.of(bootstrap).withPrefix(prefix);
    }

    /** The ingest leader's publishing loop on a hub, with a heartbeat that names no source. */
    static PublisherLoop loop(KafkaSettings s, LiveHub<Aircraft> hub, Producer<String, byte[]> producer) {
        var meters = new SimpleMeterRegistry();
        var publisher =
                new IngestPublisher(s, hub, CODEC, SourceInfo::unknown, producer, Clock.systemUTC(), 60_000, meters);
        var heartbeat = new IngestHeartbeat(s, List::of, hub, producer, JSON, "bench", Clock.systemUTC(), meters);
        return new PublisherLoop(s, publisher, heartbeat, Clock.systemUTC());
    }

    static SourceBatch batch(long t) {
        List<Aircraft> out = new ArrayList<>(AIRCRAFT);
        for (int i = 0; i < AIRCRAFT; i++) {
            double lat = -60 + (i * 0.0123) % 120, lon = -180 + (i * 0.0371 + t * 0.01) % 360;
            out.add(Aircraft.adsb(String.format("%06x", 0x100000 + i), "sim")
                    .callsign("BEN" + i)
                    .originCountry("Benchland")
                    .position(lat, lon)
                    .altitudeM(1000.0 + i % 11000)
                    .velocityMps(200.0)
                    .headingDeg(90.0)
                    .verticalRateMps(0.0)
                    .squawk("1200")
                    .timePositionUnix(t)
                    .lastContactUnix(t)
                    .build());
        }
        return SourceBatch.live("sim", t * 1000, out);
    }

    static void applyRate(String bootstrap) throws Exception {
        KafkaSettings s = settings(bootstrap, "rate");
        try (var admin = KafkaClients.admin(s)) {
            FlightTopics.ensure(admin, s);
        }
        LiveHub<Aircraft> ingest =
                LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
        try (var producer = KafkaClients.producer(s, "bench-fill")) {
            var publisher = loop(s, ingest, producer);
            publisher.start(Set.of());
            long t0 = System.currentTimeMillis() / 1000 - ROUNDS;
            for (int r = 0; r < ROUNDS; r++) {
                ingest.apply(batch(t0 + r));
                Thread.sleep(400); // let the ticker publish this round before the next supersedes it
            }
            publisher.close();
        }
        long records = (long) ROUNDS * AIRCRAFT;
        for (int run = 1; run <= 3; run++) {
            LiveHub<Aircraft> hub =
                    LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
            var meters = new SimpleMeterRegistry();
            try (var dlq = KafkaClients.producer(s, "bench-dlq")) {
                StateFollower f = new StateFollower(
                        s,
                        hub,
                        CODEC,
                        () -> KafkaClients.reader(s, "bench-hub-" + System.nanoTime()),
                        new DeadLetters(s, dlq, meters),
                        Clock.systemUTC(),
                        meters);
                long start = System.nanoTime();
                f.start();
                while (!f.ready()) Thread.sleep(5);
                double secs = (System.nanoTime() - start) / 1e9;
                double applied =
                        meters.counter("skysentinel.kafka.follower.records").count();
                System.out.printf(
                        "apply-rate run %d: %,.0f records (%d x %d published) read and applied in %.2f s = %,.0f "
                                + "records/s; hub holds %,d%n",
                        run, applied, ROUNDS, AIRCRAFT, secs, applied / secs, hub.size());
                f.close();
            }
        }
        System.out.printf("(expected about %,d records on flights.state)%n", records);
    }

    static void endToEnd(String bootstrap) throws Exception {
        KafkaSettings s = settings(bootstrap, "e2e");
        var app = new SpringApplicationBuilder(SkySentinelApplication.class)
                .run(
                        "--server.port=0",
                        "--skysentinel.bus.type=kafka",
                        "--skysentinel.roles=serve",
                        "--skysentinel.kafka.bootstrap-servers=" + bootstrap,
                        "--skysentinel.kafka.partitions=6",
                        "--skysentinel.kafka.state-topic=" + s.stateTopic(),
                        "--skysentinel.kafka.updates-topic=" + s.updatesTopic(),
                        "--skysentinel.kafka.deadletter-topic=" + s.deadletterTopic(),
                        "--skysentinel.kafka.coordination-topic=" + s.coordinationTopic(),
                        "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        LiveHub<Aircraft> ingest =
                LiveHub.forAircraft(HubSettings.defaults(), Clock.systemUTC(), new SimpleMeterRegistry());
        Map<Long, Long> appliedAt = new ConcurrentHashMap<>();
        LinkedBlockingQueue<Object[]> frames = new LinkedBlockingQueue<>(10_000);
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/flights"), new WebSocket.Listener() {
                    final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.offer(new Object[] {System.currentTimeMillis(), text.toString()});
                            text.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                })
                .join();
        List<Long> lags = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                while (true) {
                    Object[] f = frames.poll(30, TimeUnit.SECONDS);
                    if (f == null) return;
                    JsonNode n = JSON.readTree((String) f[1]);
                    if (!"delta".equals(n.path("type").asString())) continue;
                    for (JsonNode a : n.path("upserts")) {
                        Long at = appliedAt.get(a.get("last_contact_unix").asLong());
                        if (at != null)
                            synchronized (lags) {
                                lags.add((Long) f[0] - at);
                            }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (var producer = KafkaClients.producer(s, "bench-e2e")) {
            var publisher = loop(s, ingest, producer);
            publisher.start(Set.of());
            long t0 = System.currentTimeMillis() / 1000;
            for (int b = 0; b < WARMUP + BATCHES; b++) {
                long t = t0 + 5L * b;
                SourceBatch batch = batch(t);
                if (b == WARMUP)
                    synchronized (lags) {
                        lags.clear();
                    }
                appliedAt.put(t, System.currentTimeMillis());
                ingest.apply(batch);
                Thread.sleep(5_000);
            }
            publisher.close();
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        reader.interrupt();
        long[] sorted;
        synchronized (lags) {
            sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(
                "end-to-end lag, %d aircraft every 5 s, %d batches measured, %,d aircraft deliveries: p50 %d ms, p90 "
                        + "%d ms, p99 %d ms, max %d ms (expected %,d deliveries)%n",
                AIRCRAFT,
                BATCHES,
                sorted.length,
                pct(sorted, 50),
                pct(sorted, 90),
                pct(sorted, 99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                (long) AIRCRAFT * BATCHES);
        var meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        var kafkaLag = meters.get("skysentinel.kafka.follower.lag").timer();
        var wsLag = meters.find("skysentinel.ws.delivery.lag").timer();
        System.out.printf(
                "breakdown (whole run, means): record timestamp -> applied on the hub %.0f ms (max %.0f ms); ws frame "
                        + "produced -> socket %.1f ms%n",
                kafkaLag.mean(TimeUnit.MILLISECONDS),
                kafkaLag.max(TimeUnit.MILLISECONDS),
                wsLag == null ? -1.0 : wsLag.mean(TimeUnit.MILLISECONDS));
        app.close();
    }

    static long pct(long[] sorted, int p) {
        if (sorted.length == 0) return -1;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
