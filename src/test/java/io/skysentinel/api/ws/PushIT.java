package io.skysentinel.api.ws;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WsTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Real WebSocket clients against the real server: the simulator publishes once (long tick), fixtures do the rest. */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=30",
            "skysentinel.sim.tick=1h",
            "skysentinel.ws.delta-interval=50ms",
            "skysentinel.ws.status-interval=300ms",
            "skysentinel.ws.ping-interval=300ms",
            "skysentinel.ws.compat-interval=300ms",
            "skysentinel.ws.client-queue-frames=8"
        })
class PushIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** The fixture source's clock never runs backwards in the hub, so each test takes a later slot of time. */
    static final java.util.concurrent.atomic.AtomicLong FIXTURE_CLOCK =
            new java.util.concurrent.atomic.AtomicLong(Instant.now().getEpochSecond());

    static long nextSlot() {
        return FIXTURE_CLOCK.addAndGet(1_000);
    }

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    String url(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    /** Publishes fixture aircraft (source "fixture", its own clock) around the South Atlantic. */
    void publish(long t, Aircraft... aircraft) {
        bus.publish(SourceBatch.live("fixture", t * 1000, List.of(aircraft)));
    }

    static ClientPicture follow(WsTestClient c, ClientPicture p, long untilHubSeq) throws InterruptedException {
        c.until(
                f -> {
                    p.apply(f);
                    return p.hubSeq >= untilHubSeq;
                },
                WAIT);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "json&compress=deflate", "msgpack&compress=deflate"})
    void snapshotThenDeltasRebuildExactlyWhatRestReturns(String format) throws Exception {
        HttpJson http = new HttpJson(port);
        long t = nextSlot();
        String p = switch (format) {
            case "json" -> "a";
            case "msgpack" -> "b";
            case "json&compress=deflate" -> "d";
            default -> "e";
        };
        try (WsTestClient ws = new WsTestClient(url("/ws/flights?format=" + format))) {
            ClientPicture picture = new ClientPicture();
            picture.apply(ws.until(f -> f.get("type").asString().equals("snapshot"), WAIT)
                    .getLast());
            assertThat(picture.snapshots).isEqualTo(1);

            publish(
                    t,
                    plane(p + "00001").from("fixture").at(-40, -20).seen(t).build(),
                    plane(p + "00002").from("fixture").at(-40.5, -20.5).seen(t).build());
            publish(
                    t + 30,
                    plane(p + "00001")
                            .from("fixture")
                            .at(-40.1, -20.1)
                            .seen(t + 30)
                            .build(),
                    plane(p + "00003")
                            .from("fixture")
                            .at(-41, -21)
                            .squawk("7700")
                            .seen(t + 30)
                            .build());
            publish(
                    t + 61,
                    plane(p + "00003")
                            .from("fixture")
                            .at(-41.2, -21.2)
                            .seen(t + 61)
                            .build()); // p00002 ages out
            // The bus is asynchronous: wait until the hub has applied the last batch before comparing.
            http.await(
                    "/api/flights/" + p + "00003",
                    r -> r.status() == 200 && r.json().get("last_contact_unix").asLong() == t + 61,
                    WAIT);

            JsonNode rest = awaitRestSeq(http, picture, ws);
            Map<String, JsonNode> expected = new HashMap<>();
            rest.get("flights").forEach(a -> expected.put(a.get("id").asString(), a));
            assertThat(picture.aircraft.keySet()).isEqualTo(expected.keySet());
            assertThat(picture.aircraft).doesNotContainKey(p + "00002");
            for (String id : expected.keySet()) {
                JsonNode mine = picture.aircraft.get(id), theirs = expected.get(id);
                assertThat(mine.get("position").get("lat").asDouble())
                        .as(id)
                        .isCloseTo(
                                theirs.get("position").get("lat").asDouble(),
                                org.assertj.core.data.Offset.offset(1e-5));
                assertThat(mine.get("position").get("lon").asDouble())
                        .as(id)
                        .isCloseTo(
                                theirs.get("position").get("lon").asDouble(),
                                org.assertj.core.data.Offset.offset(1e-5));
                assertThat(mine.get("last_contact_unix").asLong())
                        .as(id)
                        .isEqualTo(theirs.get("last_contact_unix").asLong());
            }
            assertThat(picture.deltas).isGreaterThanOrEqualTo(1);
        }
    }

    /** Follows the feed until the client is at the hub sequence number the REST answer was taken at. */
    private static JsonNode awaitRestSeq(HttpJson http, ClientPicture picture, WsTestClient ws)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode rest = http.get("/api/flights?limit=100000").json();
            long restSeq = rest.get("seq").asLong();
            if (picture.hubSeq < restSeq) follow(ws, picture, restSeq);
            if (picture.hubSeq == restSeq) return rest;
        }
        throw new AssertionError("client never caught up with REST");
    }

    @Test
    void aSubscribeNarrowsTheViewAndAircraftLeavingItAreRemoved() throws Exception {
        long t = nextSlot();
        publish(
                t,
                plane("c00001").from("fixture").at(-40, -20).seen(t).build(),
                plane("c00002").from("fixture").at(-40.5, -20.5).seen(t).build());
        try (WsTestClient ws = new WsTestClient(url("/ws/flights"))) {
            // Wait until the push side has the fixtures (in its first snapshot or a later delta), then narrow.
            ws.until(f -> f.toString().contains("c00002"), WAIT);
            ws.send("{\"type\":\"subscribe\",\"filter\":{\"bbox\":[-41,-21,-39.5,-19.5],\"max_altitude_m\":20000}}");
            ClientPicture picture = new ClientPicture();
            picture.apply(ws.until(f -> f.get("type").asString().equals("snapshot"), WAIT)
                    .getLast());
            assertThat(picture.aircraft.keySet()).containsExactlyInAnyOrder("c00001", "c00002");

            publish(
                    t + 5,
                    plane("c00001").from("fixture").at(10, 10).seen(t + 5).build()); // flies out of the box
            List<JsonNode> frames = ws.until(
                    f -> f.get("type").asString().equals("delta")
                            && f.get("removals").toString().contains("c00001"),
                    WAIT);
            frames.forEach(picture::apply);
            assertThat(picture.aircraft.keySet()).containsExactly("c00002");
        }
    }

    @Test
    void aBadClientMessageGetsAnErrorFrameAndTheConnectionStaysOpen() throws Exception {
        try (WsTestClient ws = new WsTestClient(url("/ws/flights"))) {
            ws.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            ws.send("this is not json");
            assertThat(ws.until(f -> f.get("type").asString().equals("error"), WAIT)
                            .getLast()
                            .get("message")
                            .asString())
                    .contains("JSON");
            ws.send("{\"type\":\"subscribe\",\"filter\":{\"bbox\":[1,2]}}");
            assertThat(ws.until(f -> f.get("type").asString().equals("error"), WAIT)
                            .getLast()
                            .get("message")
                            .asString())
                    .contains("filter.bbox");
            ws.send("{\"type\":\"subscribe\",\"filter\":{\"altitude\":5}}");
            assertThat(ws.until(f -> f.get("type").asString().equals("error"), WAIT)
                            .getLast()
                            .get("message")
                            .asString())
                    .contains("filter.altitude");
            ws.send("{\"type\":\"subscribe\",\"filter\":{}}");
            assertThat(ws.until(f -> f.get("type").asString().equals("snapshot"), WAIT))
                    .isNotEmpty();
        }
    }

    @Test
    void statusFramesAndPingsArrive() throws Exception {
        try (WsTestClient ws = new WsTestClient(url("/ws/flights?format=msgpack"))) {
            JsonNode status = ws.until(f -> f.get("type").asString().equals("status"), WAIT)
                    .getLast();
            assertThat(status.get("aircraft").asInt()).isGreaterThanOrEqualTo(30);
            assertThat(status.get("view_aircraft").asInt()).isGreaterThanOrEqualTo(30);
            assertThat(status.has("rate_limit")).isTrue();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ws.pings.get() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(ws.pings.get()).isPositive();
        }
    }

    @Test
    void anUnknownFormatIsAnErrorFrameThenAClose() throws Exception {
        try (WsTestClient ws = new WsTestClient(url("/ws/flights?format=xml"))) {
            JsonNode error = ws.next(WAIT);
            assertThat(error.get("type").asString()).isEqualTo("error");
            assertThat(error.get("message").asString()).contains("format");
        }
        try (WsTestClient ws = new WsTestClient(url("/ws/flights?format=msgpack&compress=gzip"))) {
            assertThat(ws.next(WAIT).get("message").asString()).contains("compress must be none or deflate");
        }
    }

    @Test
    void theCompatibleFeedSendsTheWholeList() throws Exception {
        HttpJson http = new HttpJson(port);
        try (WsTestClient ws = new WsTestClient(url("/ws"))) {
            JsonNode list = ws.next(WAIT);
            int total = http.get("/api/flights").json().get("total").asInt();
            assertThat(list.get("count").asInt()).isEqualTo(list.get("flights").size());
            assertThat(list.get("count").asInt()).isCloseTo(total, org.assertj.core.data.Offset.offset(5));
            assertThat(list.has("timestamp") && list.has("rate_limit")).isTrue();
            assertThat(ws.next(WAIT).get("count").asInt())
                    .as("and again every interval")
                    .isPositive();
        }
    }

    @Test
    void aClientThatStopsReadingIsResyncedWhileAnotherKeepsItsCadence() throws Exception {
        try (WsTestClient slow = new WsTestClient(url("/ws/flights"));
                WsTestClient healthy = new WsTestClient(url("/ws/flights?format=msgpack"))) {
            slow.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            ClientPicture hp = new ClientPicture();
            hp.apply(healthy.until(f -> f.get("type").asString().equals("snapshot"), WAIT)
                    .getLast());
            slow.pause();

            // ~2 MB of JSON deltas a second for a few seconds: far more than the slow client's socket buffers hold.
            long t = nextSlot();
            double before = resyncs();
            for (int round = 0; round < 60 && resyncs() == before; round++) {
                List<Aircraft> fleet = new ArrayList<>();
                for (int i = 0; i < 1500; i++) {
                    fleet.add(plane(String.format("d%05x", i))
                            .from("fixture")
                            .at(-50 + i * 0.001, -30 + round * 0.001)
                            .seen(t + round)
                            .build());
                }
                publish(t + round, fleet.toArray(Aircraft[]::new));
                Thread.sleep(60);
                // The healthy client keeps up the whole time: every delta's seq is the last one's plus one.
                healthy.until(
                        f -> {
                            hp.apply(f);
                            return true;
                        },
                        WAIT);
            }
            assertThat(resyncs()).as("the slow client was resynced").isGreaterThan(before);
            assertThat(hp.snapshots)
                    .as("the healthy client never needed a resync")
                    .isEqualTo(1);

            slow.resume();
            // After its queue overflowed, the slow client's stream continues with a fresh snapshot (its first one was
            // read before it paused), then deltas again.
            List<JsonNode> frames =
                    slow.until(f -> f.get("type").asString().equals("snapshot"), Duration.ofSeconds(30));
            assertThat(frames.getLast().get("aircraft").size()).isGreaterThanOrEqualTo(1500);
        }
    }

    private double resyncs() {
        String metrics = new HttpJson(port).get("/metrics").body();
        return metrics.lines()
                .filter(l -> l.startsWith("skysentinel_ws_resyncs_total") && l.contains("endpoint=\"flights\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }
}
