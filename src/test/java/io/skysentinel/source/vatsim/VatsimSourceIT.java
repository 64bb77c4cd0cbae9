package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.bus.InMemoryFlightBus;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The source against a local server that behaves like VATSIM, fed with recorded feeds; real bus and hubs. */
class VatsimSourceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.systemUTC();
    private final InMemoryFlightBus bus = new InMemoryFlightBus(64, meters);
    private final LiveHub<Aircraft> hub =
            LiveHub.forAircraft(HubSettings.defaults(), clock, meters).attach(bus);
    private final LiveHub<AtcPosition> atcHub = LiveHub.forAtc(HubSettings.defaults(), clock, new SimpleMeterRegistry())
            .attach(bus);
    private final List<SourceBatch> batches = new CopyOnWriteArrayList<>();
    private FakeVatsim fake;
    private VatsimSource source;

    @AfterEach
    void tearDown() {
        if (source != null) source.stop();
        if (fake != null) fake.close();
        bus.close();
    }

    private void start(byte[] feed, Duration timeout) throws Exception {
        fake = new FakeVatsim(3, feed);
        VatsimProperties props = new VatsimProperties(
                fake.statusUrl(),
                Duration.ofMillis(40),
                timeout,
                false,
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofMillis(300));
        bus.subscribe(batches::add);
        source = new VatsimSource(
                props, bus, meters, clock, AtcLocator.NONE, GridAirportCatalog.empty(), new SplittableRandom(7));
    }

    @Test
    void unchangedFeedsAreSkippedMirrorsChosenAtRandomAndLeftPilotsRemoved() throws Exception {
        byte[] a = VatsimRecordings.bytes("vatsim-data-20230807T232929Z.json");
        byte[] b = VatsimRecordings.bytes("vatsim-data-20230807T232944Z.json");
        VatsimFeed feedA = new VatsimFeedParser().parse(a);
        VatsimFeed feedB = new VatsimFeedParser().parse(b);
        start(a, Duration.ofSeconds(5));
        source.start();
        await().atMost(WAIT)
                .until(() ->
                        source.networkStatus() != null && source.networkStatus().unchangedSkipped() >= 60);

        assertThat(batches).as("one feed, read many times, published once").hasSize(1);
        SourceBatch first = batches.get(0);
        assertThat(first.complete()).isTrue();
        assertThat(first.source()).isEqualTo("vatsim");
        assertThat(first.aircraft()).hasSize(feedA.pilots().size());
        assertThat(first.observedAtMs()).isEqualTo(feedA.updatedAt().toEpochMilli());
        assertThat(atcHub.size()).isEqualTo(first.atc().size()).isPositive();
        assertThat(hub.size()).isEqualTo(feedA.pilots().size());
        assertThat(source.health().state()).isEqualTo(SourceHealth.State.UP);
        assertThat(source.networkCodes().militaryRatings()).isNotEmpty();
        assertThat(fake.statusRequests.get()).as("status read once at start").isEqualTo(1);
        assertThat(meters.get("skysentinel.source.polls")
                        .tag("outcome", "unchanged")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(60);

        int polls = fake.mirrorHits.size();
        for (int m = 0; m < 3; m++) {
            int mirror = m;
            long hits = fake.mirrorHits.stream().filter(h -> h == mirror).count();
            assertThat(hits).as("mirror %d of %d polls", m, polls).isBetween(polls / 6L, polls / 2L);
        }
        assertThat(fake.userAgents)
                .allMatch(ua -> ua != null && ua.matches("SkySentinel/\\S+ \\(\\+https://github\\.com/skysentinel\\)"));

        fake.feed = b;
        await().atMost(WAIT).until(() -> batches.size() == 2 && hub.seq() > 0);
        bus.awaitIdle(WAIT);
        SourceBatch second = batches.get(1);
        assertThat(second.observedAtMs()).isEqualTo(feedB.updatedAt().toEpochMilli());
        assertThat(source.networkStatus().updatedAt()).isEqualTo(feedB.updatedAt());
        assertThat(source.networkStatus().feedUrl()).contains("/v3/").endsWith("/vatsim-data.json");
        Set<Long> inB = feedB.pilots().stream().map(VatsimFeed.Pilot::cid).collect(Collectors.toSet());
        List<Long> left = feedA.pilots().stream()
                .map(VatsimFeed.Pilot::cid)
                .filter(c -> !inB.contains(c))
                .toList();
        assertThat(left).as("pilots who logged off between the two feeds").isNotEmpty();
        assertThat(left).allMatch(cid -> hub.get("vatsim-" + cid) == null);
        assertThat(atcHub.size()).isEqualTo(second.atc().size());

        // the next feed lists three positions fewer: the ATC hub drops them at once, not when they go stale
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode c = (ObjectNode) json.readTree(b);
        ((ObjectNode) c.get("general"))
                .put("update_timestamp", feedB.updatedAt().plusSeconds(15).toString());
        ArrayNode controllers = (ArrayNode) c.get("controllers");
        List<String> closed = new java.util.ArrayList<>();
        for (int i = controllers.size() - 1; i >= 0 && closed.size() < 3; i--) {
            JsonNode ctl = controllers.get(i);
            if (ctl.get("facility").asInt() == 0
                    || "199.998".equals(ctl.get("frequency").asString())) continue;
            closed.add(AtcPosition.idFor("vatsim", ctl.get("callsign").asString()));
            controllers.remove(i);
        }
        assertThat(closed).hasSize(3).allMatch(id -> atcHub.get(id) != null);
        fake.feed = json.writeValueAsBytes(c);
        await().atMost(WAIT).until(() -> batches.size() == 3);
        bus.awaitIdle(WAIT);
        assertThat(closed).allMatch(id -> atcHub.get(id) == null);
        assertThat(atcHub.size()).isEqualTo(second.atc().size() - 3);
        long withTrack =
                second.aircraft().stream().filter(x -> x.headingDeg() != null).count();
        assertThat(withTrack)
                .as("true track derived from the previous feed")
                .isGreaterThan(second.aircraft().size() / 2);
    }

    @Test
    void faultsKeepTheLastGoodPictureAndThePollerRecovers() throws Exception {
        byte[] a = VatsimRecordings.bytes("vatsim-data-20230807T232929Z.json");
        byte[] b = VatsimRecordings.bytes("vatsim-data-20230807T232944Z.json");
        start(a, Duration.ofMillis(500));
        source.start();
        await().atMost(WAIT).until(() -> batches.size() == 1);
        bus.awaitIdle(WAIT);
        int picture = hub.size();
        long seq = hub.seq();

        fake.statusFailure = 500; // re-discovery fails too: the known URLs stay in use
        fake.script.add(FakeVatsim.Reply.status(500));
        fake.script.add(FakeVatsim.Reply.ok(Arrays.copyOf(a, a.length / 3)));
        fake.script.add(FakeVatsim.Reply.ok("{\"general\": not json".getBytes(StandardCharsets.UTF_8)));
        fake.script.add(FakeVatsim.Reply.hang(2_000));
        fake.script.add(FakeVatsim.Reply.status(503));
        await().atMost(WAIT)
                .until(() -> fake.script.isEmpty()
                        && feedErrors("http") >= 2
                        && feedErrors("malformed") >= 2
                        && feedErrors("timeout") >= 1
                        && feedErrors("status") >= 1);
        assertThat(batches).as("nothing of a bad feed is published").hasSize(1);
        assertThat(hub.size()).isEqualTo(picture);
        assertThat(hub.seq()).isEqualTo(seq);
        assertThat(source.health().lastError()).isNotNull();
        assertThat(fake.statusRequests.get())
                .as("status re-read after failed feeds")
                .isGreaterThan(1);

        fake.statusFailure = 0;
        fake.feed = b;
        await().atMost(WAIT).until(() -> batches.size() == 2);
        await().atMost(WAIT).until(() -> source.health().state() == SourceHealth.State.UP);
        assertThat(meters.get("skysentinel.source.polls")
                        .tag("outcome", "malformed")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStatusWithoutV3IsAnErrorAndBadPilotsAreLeftOut() throws Exception {
        byte[] a = VatsimRecordings.bytes("vatsim-data-20230807T232929Z.json");
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) json.readTree(a);
        ArrayNode pilots = (ArrayNode) root.get("pilots");
        ((ObjectNode) pilots.get(0)).put("latitude", 200);
        ((ObjectNode) pilots.get(1)).put("groundspeed", -5);
        ((ObjectNode) pilots.get(2)).remove("callsign");
        ((ObjectNode) pilots.get(3)).remove("cid");
        Set<String> bad = new HashSet<>();
        for (int i = 0; i < 4; i++) bad.add(pilots.get(i).path("callsign").asString(""));
        start(json.writeValueAsBytes(root), Duration.ofSeconds(5));
        fake.statusOverride = "{\"data\":{},\"user\":[]}".getBytes(StandardCharsets.UTF_8);
        source.start();
        await().atMost(WAIT).until(() -> feedErrors("status") >= 2);
        assertThat(batches).isEmpty();
        assertThat(source.health().state()).isEqualTo(SourceHealth.State.DOWN);
        assertThat(source.networkStatus()).isNull();

        fake.statusOverride = null;
        await().atMost(WAIT).until(() -> batches.size() == 1);
        assertThat(batches.get(0).aircraft()).hasSize(pilots.size() - 4);
        assertThat(batches.get(0).aircraft())
                .noneMatch(x -> bad.contains(x.callsign()) && !x.callsign().isEmpty());
        for (String reason : List.of("bad_position", "bad_groundspeed", "missing_callsign", "missing_cid"))
            assertThat(meters.get("skysentinel.vatsim.rejected")
                            .tag("reason", reason)
                            .counter()
                            .count())
                    .as(reason)
                    .isGreaterThanOrEqualTo(1);
        assertThat(source.networkStatus().pilots()).isEqualTo(pilots.size() - 4);
    }

    private double feedErrors(String kind) {
        return meters.get("skysentinel.vatsim.feed.errors")
                .tag("kind", kind)
                .counter()
                .count();
    }
}
