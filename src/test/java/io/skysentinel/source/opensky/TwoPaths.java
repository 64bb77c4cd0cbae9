package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.LogThrottle;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import io.skysentinel.hub.ApplyResult;
import io.skysentinel.hub.HubCore;
import io.skysentinel.source.replay.ReplayProperties;
import io.skysentinel.source.replay.ReplaySource;
import io.skysentinel.statevector.StateVectorParser;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The two ways an OpenSky body reaches the hub, each into a {@link HubCore} of its own: the poller's (a request to a
 * local {@link FakeOpenSky}, then {@link PollCycle} parses and builds the batch) and the replay's ({@link ReplaySource}
 * reading a recording, as fast as it can, looping).
 */
final class TwoPaths {

    static final long STALE_MS = 60_000;

    /** What the hub made of one batch; ids only, so that a looped pass can be compared with the first. */
    record Outcome(
            List<String> accepted, Set<String> staleOnArrival, int unchanged, int outOfOrder, List<String> removed) {}

    private TwoPaths() {}

    /** Each body served once, in order, to the poller; one poll cycle (the whole world) per body. */
    static List<Outcome> viaPoller(List<String> bodies) throws Exception {
        HubCore<Aircraft> hub = hub();
        List<Outcome> out = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        try (FakeOpenSky fake = new FakeOpenSky()) {
            for (String b : bodies) fake.script.add(FakeOpenSky.Reply.ok(b));
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            OpenSkyHttpClient client =
                    new OpenSkyHttpClient(http, fake.baseUrl(), false, Duration.ofSeconds(10), TokenProvider.none());
            PollCycle cycle = new PollCycle(
                    client,
                    CircuitBreaker.ofDefaults("test"),
                    new StateVectorParser(),
                    bus(batch -> out.add(apply(hub, batch))),
                    BodyRecorder.off(),
                    new OpenSkyMetrics(new SimpleMeterRegistry(), new NoCredits()),
                    new LogThrottle(clock, Duration.ofMinutes(1)),
                    clock);
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(cycle.run(List.of()).anySuccess()).as("poll " + i).isTrue();
            }
        }
        assertThat(out).hasSameSizeAs(bodies);
        return out;
    }

    /** The recording replayed at speed 0 with loop on, until {@code batches} batches reached the hub. */
    static List<Outcome> viaReplay(Path recording, int batches, List<SourceBatch> seen) throws Exception {
        HubCore<Aircraft> hub = hub();
        List<Outcome> out = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch enough = new CountDownLatch(batches);
        FlightBus bus = bus(batch -> {
            if (enough.getCount() == 0) return; // the source runs on until stopped: what comes later is not looked at
            seen.add(batch);
            out.add(apply(hub, batch));
            enough.countDown();
        });
        ReplaySource replay = new ReplaySource(
                new ReplayProperties(recording, 0, true), bus, new SimpleMeterRegistry(), Clock.systemUTC());
        try {
            replay.start();
            assertThat(enough.await(60, TimeUnit.SECONDS))
                    .as("replayed batches")
                    .isTrue();
        } finally {
            replay.stop();
        }
        return List.copyOf(out).subList(0, batches);
    }

    private static HubCore<Aircraft> hub() {
        return new HubCore<>(SourceBatch::aircraft, STALE_MS, 1_000_000, 1_000_000);
    }

    /**
     * Applies the batch as the hub does and names what it did. Which states were stale on arrival is read back from
     * the source clock the hub judged by, and must add up to the hub's own count.
     */
    private static Outcome apply(HubCore<Aircraft> hub, SourceBatch batch) {
        ApplyResult<Aircraft> r = hub.apply(batch, System.currentTimeMillis());
        long clockMs = hub.sourceClocks().get(batch.source()).observedAtMs();
        Set<String> stale = new TreeSet<>();
        for (Aircraft a : batch.aircraft()) if (clockMs - a.lastContactUnix() * 1000 > STALE_MS) stale.add(a.id());
        assertThat(stale).as("stale on arrival, as the hub counted them").hasSize(r.staleOnArrival());
        List<String> accepted = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Update<Aircraft> u : r.delta().updates()) {
            switch (u) {
                case Update.Upsert<Aircraft> up -> accepted.add(up.id());
                case Update.Removal<Aircraft> rm ->
                    removed.add(rm.id() + ":" + rm.reason().wire());
            }
        }
        Collections.sort(removed); // the hub removes in its map's order
        return new Outcome(accepted, stale, r.unchanged(), r.outOfOrder(), removed);
    }

    private static FlightBus bus(Consumer<SourceBatch> hub) {
        return new FlightBus() {
            @Override
            public boolean publish(SourceBatch batch) {
                hub.accept(batch);
                return true;
            }

            @Override
            public void subscribe(Consumer<SourceBatch> subscriber) {
                throw new UnsupportedOperationException("the test applies batches itself");
            }
        };
    }

    private static final class NoCredits implements OpenSkyMetrics.CreditGauges {
        @Override
        public long remaining() {
            return 0;
        }

        @Override
        public long used() {
            return 0;
        }

        @Override
        public int perRequest() {
            return 0;
        }

        @Override
        public double pollIntervalSeconds() {
            return 0;
        }
    }
}
