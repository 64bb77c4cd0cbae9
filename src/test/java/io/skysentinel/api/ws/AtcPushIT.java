package io.skysentinel.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.AtcFixtures;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.WsTestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /ws/atc end to end: real WebSocket clients on the real application (sim source), VATSIM network batches published
 * on the real bus. The same context as {@code AtcApiIT}.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.sim.tick=1h",
            "skysentinel.ws.atc-interval=100ms"
        })
class AtcPushIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    JsonMapper mapper;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void snapshotThenDeltasWithUpsertsAndRemovals(String format) throws Exception {
        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/atc?format=" + format)) {
            JsonNode snapshot = ws.next(WAIT);
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(snapshot.propertyNames()).containsExactly("type", "seq", "hub_seq", "time", "positions");
            long seq = snapshot.get("seq").asLong();

            SourceBatch two = AtcFixtures.nextFeed(AtcFixtures.heathrowTower(), AtcFixtures.gatwickDirector());
            bus.publish(two);
            JsonNode delta = untilDeltaWith(ws, "vatsim-egkk_app");
            assertThat(delta.get("seq").asLong()).isEqualTo(seq + 1);
            assertThat(delta.propertyNames()).containsExactly("type", "seq", "hub_seq", "time", "upserts", "removals");
            assertThat(ids(delta.get("upserts"))).containsExactlyInAnyOrder("vatsim-egll_s_twr", "vatsim-egkk_app");
            // the position object is exactly what the REST API writes, in either format
            for (AtcPosition p : two.atc())
                assertThat(normalised(upsert(delta, p.id()))).isEqualTo(restTree(p));
            // the frame brings the client to the hub's seq that REST reports for the same picture
            long restSeq = new HttpJson(port)
                    .get("/api/atc-positions")
                    .json()
                    .get("seq")
                    .asLong();
            assertThat(delta.get("hub_seq").asLong()).isEqualTo(restSeq);

            bus.publish(AtcFixtures.nextFeed(AtcFixtures.heathrowTower()));
            JsonNode removal = ws.until(
                            f -> f.get("type").asString().equals("delta")
                                    && ids(f.get("removals")).contains("vatsim-egkk_app"),
                            WAIT)
                    .getLast();
            assertThat(removal.get("seq").asLong()).isEqualTo(seq + 2);
            assertThat(ids(removal.get("upserts"))).containsExactly("vatsim-egll_s_twr");
            assertThat(removal.get("hub_seq").asLong())
                    .isGreaterThan(delta.get("hub_seq").asLong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void aClientJoiningLaterGetsThePictureInItsSnapshot(String format) throws Exception {
        SourceBatch feed = AtcFixtures.nextFeed(AtcFixtures.heathrowAtis(), AtcFixtures.gatwickGround());
        bus.publish(feed);
        long contact = feed.atc().getFirst().lastContactUnix();
        // wait until the push loop has folded this feed in: a first client sees it in its snapshot or a delta
        try (WsTestClient first = new WsTestClient("ws://127.0.0.1:" + port + "/ws/atc")) {
            first.until(
                    f -> (f.get("type").asString().equals("snapshot") ? f.get("positions") : f.path("upserts"))
                            .valueStream()
                            .anyMatch(p -> p.get("last_contact_unix").asLong() == contact),
                    WAIT);
        }
        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/atc?format=" + format)) {
            JsonNode snapshot = ws.next(WAIT);
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(ids(snapshot.get("positions"))).containsExactly("vatsim-egkk_gnd", "vatsim-egll_atis");
            assertThat(normalised(snapshot.get("positions").get(1)))
                    .isEqualTo(restTree(feed.atc().getFirst()));
        }
    }

    @org.junit.jupiter.api.Test
    void aClientMessageGetsAnErrorFrameAndTheConnectionStays() throws Exception {
        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/atc")) {
            assertThat(ws.next(WAIT).get("type").asString()).isEqualTo("snapshot");
            ws.send("{\"type\":\"subscribe\"}");
            JsonNode error = ws.until(f -> f.get("type").asString().equals("error"), WAIT)
                    .getLast();
            assertThat(error.get("message").asString()).contains("no client messages");
            bus.publish(AtcFixtures.nextFeed(AtcFixtures.gatwickDirector()));
            assertThat(untilDeltaWith(ws, "vatsim-egkk_app")).isNotNull();
        }
    }

    @org.junit.jupiter.api.Test
    void aBadFormatIsRefusedWithAnErrorFrameNamingIt() throws Exception {
        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/atc?format=xml")) {
            JsonNode error = ws.next(WAIT);
            assertThat(error.get("type").asString()).isEqualTo("error");
            assertThat(error.get("message").asString()).contains("format");
        }
    }

    private static JsonNode untilDeltaWith(WsTestClient ws, String id) throws InterruptedException {
        return ws.until(
                        f -> f.get("type").asString().equals("delta")
                                && ids(f.get("upserts")).contains(id),
                        WAIT)
                .getLast();
    }

    private JsonNode restTree(AtcPosition p) {
        return mapper.readTree(mapper.writeValueAsString(p));
    }

    /**
     * The decoded frame's object as JSON text parsed again: MessagePack decodes integers and floats into other node
     * classes than JSON parsing does, with the same values; doubles would print differently had they been narrowed.
     */
    private JsonNode normalised(JsonNode decoded) {
        return mapper.readTree(mapper.writeValueAsString(decoded));
    }

    private static JsonNode upsert(JsonNode delta, String id) {
        return delta.get("upserts")
                .valueStream()
                .filter(p -> p.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> ids(JsonNode positions) {
        return positions
                .valueStream()
                .map(p -> p.isString() ? p.asString() : p.get("id").asString())
                .toList();
    }
}
