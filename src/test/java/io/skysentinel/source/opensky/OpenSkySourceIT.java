package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.CreditReporting.CreditStatus;
import io.skysentinel.core.CreditReporting.Region;
import io.skysentinel.core.RefreshableSource.RefreshOutcome;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.statevector.MalformedBodyException;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.testing.RecordingBus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source against a fake OpenSky on loopback. Intervals are shortened through the settings; nothing is timed. */
class OpenSkySourceIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    FakeOpenSky fake;
    RecordingBus bus = new RecordingBus();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OpenSkySource source;

    @BeforeEach
    void fakeServer() throws Exception {
        fake = new FakeOpenSky();
    }

    @AfterEach
    void tearDown() {
        if (source != null) source.stop();
        fake.close();
        if (fake.checkOverlap)
            assertThat(fake.maxConcurrent.get()).as("never two polls at once").isLessThanOrEqualTo(1);
    }

    OpenSkyPropertiesBuilder props() {
        return OpenSkyProperties.defaults().toBuilder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl())
                .minIntervals(Duration.ofMillis(50), Duration.ofMillis(50))
                .timeout(Duration.ofSeconds(2))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .breakerOpenDuration(Duration.ofSeconds(1))
                .dailyCredits(10_000_000);
    }

    OpenSkySource start(OpenSkyPropertiesBuilder b) {
        source = new OpenSkySource(b.build(), bus, meters, Clock.systemUTC());
        source.start();
        return source;
    }

    double polls(String outcome) {
        return meters.counter("skysentinel.source.polls", "source", "opensky", "outcome", outcome)
                .count();
    }

    double parseErrors(String kind) {
        return meters.counter("skysentinel.source.parse.errors", "source", "opensky", "kind", kind)
                .count();
    }

    @Test
    void anonymousPollPublishesTheBodyAndSendsBboxExtendedAndNoAuthorization() {
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(
                        1_700_000_000, FakeOpenSky.row("a00001", 40.7, -74.0), FakeOpenSky.row("a00002", 40.8, -73.9)))
                .header("X-Rate-Limit-Remaining", "399"));
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(1_700_000_010)).header("X-Rate-Limit-Remaining", "398");
        start(props().dailyCredits(0));

        await().atMost(WAIT).until(() -> !bus.batches().isEmpty());
        SourceBatch first = bus.batches().getFirst();
        assertThat(first.source()).isEqualTo("opensky");
        assertThat(first.observedAtMs()).isEqualTo(1_700_000_000_000L);
        assertThat(first.aircraft()).extracting(a -> a.icao24()).containsExactly("a00001", "a00002");
        assertThat(first.aircraft().getFirst().category()).isEqualTo(3); // extended=1 gives category
        FakeOpenSky.Seen seen = fake.states.getFirst();
        assertThat(seen.query()).isEqualTo("lamin=40.4&lomin=-74.5&lamax=41.2&lomax=-73.5&extended=1");
        assertThat(seen.authorization()).isNull();
        assertThat(fake.tokenRequests.get()).isZero();

        await().atMost(WAIT).until(() -> source.credits().remainingFromUpstream());
        CreditStatus c = source.credits();
        assertThat(c.authMode()).isEqualTo("anonymous");
        assertThat(c.maxDailyCredits()).isEqualTo(400);
        assertThat(c.creditsRemaining()).isLessThan(400);
        assertThat(c.creditsPerRequest()).isEqualTo(1);
        assertThat(c.regions()).containsExactly(OpenSkyProperties.NYC);
        assertThat(c.lastPoll()).isNotNull();
        assertThat(source.health().state()).isEqualTo(SourceHealth.State.UP);
        assertThat(polls("success")).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("skysentinel.source.poll.latency")
                        .tag("source", "opensky")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("skysentinel.opensky.credits.remaining").gauge().value())
                .isLessThan(400);
        assertThat(meters.get("skysentinel.opensky.credits.per_request").gauge().value())
                .isEqualTo(1);
    }

    @Test
    void worldRequestWithoutExtendedSendsNoQueryAndCostsFourCredits() {
        start(props().regions(List.of()).extended(false));
        await().atMost(WAIT).until(() -> !fake.states.isEmpty());
        assertThat(fake.states.getFirst().query()).isNull();
        assertThat(source.credits().creditsPerRequest()).isEqualTo(4);
    }

    @Test
    void severalRegionsAreEachRequestedOncePerCycle() {
        Region a = new Region("a", 10, 10, 11, 11), b = new Region("b", 20.25, 30.5, 21, 32);
        start(props().regions(List.of(a, b)));
        await().atMost(WAIT).until(() -> fake.states.size() >= 4);
        List<String> queries =
                fake.statesSnapshot().stream().map(FakeOpenSky.Seen::query).toList();
        assertThat(queries.get(0)).isEqualTo("lamin=10&lomin=10&lamax=11&lomax=11&extended=1");
        assertThat(queries.get(1)).isEqualTo("lamin=20.25&lomin=30.5&lamax=21&lomax=32&extended=1");
        assertThat(queries.get(2)).isEqualTo(queries.get(0));
        assertThat(source.credits().creditsPerRequest()).isEqualTo(2);
    }

    @Test
    void credentialsGiveABearerTokenThatIsCachedAndRenewedBeforeItExpires() {
        fake.tokenLifetimeS = 2; // renewed a fifth of its life early, so never used after expiry
        start(props().credentials("sky-client", "s3cret&="));

        await().atMost(WAIT).until(() -> fake.tokenRequests.get() >= 3);
        List<FakeOpenSky.Seen> seen = fake.statesSnapshot();
        assertThat(seen).allSatisfy(s -> assertThat(s.authorization()).matches("Bearer tok-\\d+"));
        assertThat(seen.size()).as("tokens are reused across polls").isGreaterThan(fake.tokenRequests.get());
        assertThat(fake.expiredTokenSeen.get()).isZero();
        assertThat(fake.tokenForms.getFirst())
                .isEqualTo("grant_type=client_credentials&client_id=sky-client&client_secret=s3cret%26%3D");
        assertThat(source.credits().authMode()).isEqualTo("oauth2");
        assertThat(source.credits().maxDailyCredits()).isGreaterThanOrEqualTo(10_000_000);
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesOnce() {
        fake.script.add(FakeOpenSky.Reply.status(401));
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(2_000, FakeOpenSky.row("b00001", 40.6, -74.1))));
        start(props().credentials("sky-client", "s3cret&="));

        await().atMost(WAIT).until(() -> !bus.batches().isEmpty());
        List<FakeOpenSky.Seen> seen = fake.statesSnapshot();
        assertThat(seen.get(0).status()).isEqualTo(401);
        assertThat(seen.get(0).authorization()).isEqualTo("Bearer tok-1");
        assertThat(seen.get(1).authorization()).isEqualTo("Bearer tok-2");
        assertThat(bus.batches().getFirst().observedAtMs()).isEqualTo(2_000_000L);
        assertThat(polls("unauthorized")).isZero();
        assertThat(fake.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void wrongCredentialsAreReportedAsUnauthorizedAndTheSourceIsDown() {
        start(props().credentials("sky-client", "wrong"));
        await().atMost(WAIT).until(() -> polls("unauthorized") >= 1);
        assertThat(fake.states).isEmpty();
        SourceHealth h = source.health();
        assertThat(h.state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(h.lastErrorMessage()).contains("token endpoint rejected");
    }

    @Test
    void a429StopsAllPollingForTheRetryAfterAndHealthSaysStale() throws Exception {
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(3_000, FakeOpenSky.row("c00001", 40.6, -74.1))));
        fake.script.add(FakeOpenSky.Reply.status(429).header("X-Rate-Limit-Retry-After-Seconds", "3600"));
        start(props());

        await().atMost(WAIT).until(() -> polls("rate_limited") >= 1);
        int requests = fake.states.size();
        Thread.sleep(1_000); // ~20 polls' worth at the configured 50 ms resolution
        assertThat(fake.states).hasSize(requests);
        SourceHealth h = source.health();
        assertThat(h.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(h.detail()).contains("429").contains("serving stale data");
        assertThat(h.nextPoll()).isAfter(java.time.Instant.now().plusSeconds(3000));
        CreditStatus c = source.credits();
        assertThat(c.retryAfterS()).isBetween(3500L, 3600L);
        assertThat(c.canMakeRequest()).isFalse();
        RefreshOutcome r = source.refreshNow(Duration.ofSeconds(1));
        assertThat(r.status()).isEqualTo(RefreshOutcome.Status.REJECTED);
        assertThat(r.retryAfterS()).isGreaterThan(3500);
        assertThat(fake.states).hasSize(requests);
        assertThat(bus.batches()).hasSize(1); // the last picture stays; nothing new, nothing removed
    }

    @Test
    void serverErrorsBackOffAndOpenTheBreakerThenRecover() throws Exception {
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(4_000, FakeOpenSky.row("d00001", 40.6, -74.1))));
        start(props());
        await().atMost(WAIT).until(() -> bus.batches().size() >= 1);

        fake.failing = true;
        int before = fake.states.size();
        long t0 = System.nanoTime();
        await().atMost(WAIT).until(() -> polls("circuit_open") >= 1);
        Thread.sleep(1_500);
        long failingMs = (System.nanoTime() - t0) / 1_000_000;
        int calls = fake.states.size() - before;
        long naive = failingMs / 50; // one call per resolution interval, as a naive retry loop would make
        assertThat(calls).isGreaterThanOrEqualTo(3).isLessThan((int) (naive / 3));
        assertThat(polls("server_error")).isGreaterThanOrEqualTo(3);
        SourceHealth degraded = source.health();
        assertThat(degraded.state()).isEqualTo(SourceHealth.State.DEGRADED);
        assertThat(degraded.lastErrorMessage()).contains("503");
        assertThat(source.credits().creditsRemaining())
                .as("failed calls cost nothing")
                .isEqualTo(fake.credits.get());

        fake.failing = false;
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(5_000, FakeOpenSky.row("d00002", 40.6, -74.1)));
        await().atMost(WAIT).until(() -> bus.times().contains(5_000_000L));
        await().atMost(WAIT).until(() -> source.health().state() == SourceHealth.State.UP);
    }

    @Test
    void aTimeoutIsCountedAndTheSourceIsDownUntilSomethingArrives() {
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(6_000)).delayed(1_500);
        fake.checkOverlap = false; // the server may still be sleeping on a request the client gave up on
        start(props().timeout(Duration.ofMillis(300)));
        await().atMost(WAIT).until(() -> polls("timeout") >= 1);
        assertThat(bus.batches()).isEmpty();
        assertThat(source.health().state()).isEqualTo(SourceHealth.State.DOWN);
    }

    @Test
    void aTruncatedBodyIsCountedAndNotPublishedAndTheNextGoodBodyIs() {
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(7_000, FakeOpenSky.row("e00001", 40.6, -74.1))));
        fake.script.add(FakeOpenSky.Reply.ok("{\"time\":7001,\"states\":[[\"e00002\",\"TRUNC"));
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(7_002, FakeOpenSky.row("e00003", 40.6, -74.1))));
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(7_003)).delayed(200);
        start(props());

        await().atMost(WAIT).until(() -> bus.times().contains(7_002_000L));
        assertThat(bus.times()).startsWith(7_000_000L, 7_002_000L);
        assertThat(parseErrors("body")).isEqualTo(1);
        assertThat(polls("malformed")).isEqualTo(1);
        await().atMost(WAIT).until(() -> source.health().state() == SourceHealth.State.UP);
    }

    @Test
    void rowsWithWrongTypesOrOddLengthsAreSkippedAndCountedWhileGoodRowsArePublished() {
        String shortRow =
                "[\"f00002\",\"X\",\"C\",1,2,3.0,4.0,5.0,false,1.0,2.0,3.0,null,4.0,\"1\",false]"; // 16 columns
        String wrongType = FakeOpenSky.row("f00003", 40.6, -74.1).replace("1000.0,false", "\"high\",false");
        String notARow = "{\"icao24\":\"f00004\"}";
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(
                8_000,
                FakeOpenSky.row("f00001", 40.6, -74.1),
                shortRow,
                wrongType,
                notARow,
                FakeOpenSky.row("f00005", 40.7, -74.2))));
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(8_001)).delayed(200);
        start(props());

        await().atMost(WAIT).until(() -> !bus.batches().isEmpty());
        assertThat(bus.batches().getFirst().aircraft())
                .extracting(a -> a.icao24())
                .containsExactly("f00001", "f00005");
        assertThat(parseErrors("row")).isEqualTo(3);
        assertThat(parseErrors("body")).isZero();
    }

    @Test
    void recordingWritesOneLinePerBodyThatReplaysIntoTheParserIdentically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("opensky.jsonl");
        String pretty = "{\n  \"time\" : 9000,\n  \"states\" : [ " + FakeOpenSky.row("a90001", 40.6, -74.1) + " ]\n}\n";
        fake.script.add(FakeOpenSky.Reply.ok(pretty));
        fake.script.add(FakeOpenSky.Reply.ok(FakeOpenSky.body(9_001, FakeOpenSky.row("a90002", 40.6, -74.1))));
        fake.script.add(FakeOpenSky.Reply.ok("{\"time\":9002,\"states\":[[\"trunc"));
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(9_003)).delayed(100);
        start(props().record(file.toString(), 1 << 20));

        await().atMost(WAIT).until(() -> fake.servedBodies.size() >= 5);
        source.stop();
        List<byte[]> served = fake.servedBodies;
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(served.size());
        StateVectorParser parser = new StateVectorParser();
        for (int i = 0; i < served.size(); i++) {
            byte[] original = served.get(i), replayed = lines.get(i).getBytes();
            if (i == 2) {
                assertThatThrownBy(() -> parser.parse(replayed, "r")).isInstanceOf(MalformedBodyException.class);
                assertThatThrownBy(() -> parser.parse(original, "r")).isInstanceOf(MalformedBodyException.class);
            } else {
                assertThat(parser.parse(replayed, "r")).isEqualTo(parser.parse(original, "r"));
            }
        }
        assertThat(lines.get(1)).isEqualTo(new String(served.get(1))); // compact bodies are kept byte for byte
    }

    @Test
    void recordingStopsAtItsBoundAndCountsWhatItDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.jsonl");
        start(props().record(file.toString(), 300));
        await().atMost(WAIT)
                .until(() ->
                        meters.counter("skysentinel.opensky.record.dropped").count() >= 2);
        assertThat(Files.size(file)).isLessThanOrEqualTo(300).isGreaterThan(0);
    }

    @Test
    void refreshPollsWhenAllowedRejectsInsideTheResolutionAndNeverBlocksPastMaxWait() {
        fake.credits.set(2_000); // the budget paces the loop at ~43 s, so refreshes are what polls in between
        start(props().minIntervals(Duration.ofSeconds(3), Duration.ofSeconds(3)));
        await().atMost(WAIT).until(() -> !bus.batches().isEmpty());

        RefreshOutcome tooSoon = source.refreshNow(Duration.ofSeconds(1));
        assertThat(tooSoon.status()).isEqualTo(RefreshOutcome.Status.REJECTED);
        assertThat(tooSoon.retryAfterS()).isBetween(1L, 3L);
        assertThat(tooSoon.message()).contains("resolution");

        await().atMost(WAIT).until(() -> source.credits().canMakeRequest());
        RefreshOutcome polled = source.refreshNow(Duration.ofSeconds(5));
        assertThat(polled.status()).isEqualTo(RefreshOutcome.Status.POLLED);
        assertThat(polled.aircraft()).isEqualTo(1);

        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(10_000)).delayed(1_500);
        await().atMost(WAIT).until(() -> source.credits().canMakeRequest());
        RefreshOutcome pending = source.refreshNow(Duration.ofMillis(100));
        assertThat(pending.status()).isIn(RefreshOutcome.Status.PENDING);
        await().atMost(WAIT).until(() -> bus.times().contains(10_000_000L));
    }

    @Test
    void refreshesFromManyThreadsNeverRunTwoPollsAtOnce() throws Exception {
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(11_000, FakeOpenSky.row("a11001", 40.6, -74.1)))
                .delayed(100);
        start(props());
        List<RefreshOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 15; i++) outcomes.add(source.refreshNow(Duration.ofMillis(60)));
            }));
        }
        for (Thread t : threads) t.join(30_000);
        assertThat(outcomes).hasSize(60);
        assertThat(outcomes).extracting(RefreshOutcome::status).contains(RefreshOutcome.Status.POLLED);
        assertThat(fake.maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void stopEndsPollingAndHealthSaysSo() throws Exception {
        start(props());
        await().atMost(WAIT).until(() -> !fake.states.isEmpty());
        source.stop();
        Thread.sleep(200); // a request already on the wire when stop() interrupted it may still reach the server
        int after = fake.states.size();
        Thread.sleep(500);
        assertThat(fake.states).hasSize(after);
        assertThat(source.health().state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(source.refreshNow(Duration.ofMillis(100)).status()).isEqualTo(RefreshOutcome.Status.REJECTED);
    }

    /** A Kafka ingest instance that lost the leadership and is elected again restarts the same source. */
    @Test
    void aStoppedSourceStartsAgainWithAFreshPollThreadAndToken() throws Exception {
        start(props().credentials("sky-client", "s3cret&="));
        await().atMost(WAIT).until(() -> !fake.states.isEmpty());
        int tokens = fake.tokenRequests.get();
        source.stop();
        Thread.sleep(200); // a request already on the wire when stop() interrupted it may still reach the server
        int stopped = fake.states.size();
        assertThat(source.health().detail()).isEqualTo("stopped");

        source.start();
        await().atMost(WAIT).until(() -> fake.states.size() > stopped + 2);
        assertThat(source.health().state()).isEqualTo(SourceHealth.State.UP);
        assertThat(fake.tokenRequests.get())
                .as("a new HTTP client fetches its own token")
                .isEqualTo(tokens + 1);
        assertThat(bus.batches()).hasSizeGreaterThan(stopped);
    }
}
