package io.skysentinel.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.testing.AtcFixtures;
import io.skysentinel.wire.WireFormat;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The /ws/atc loop with a client that stops reading: its bounded queue overflows, the queued deltas are dropped and
 * counted under {@code endpoint=atc}, and its stream goes on with a fresh snapshot; applied in order, its frames give
 * the hub's picture. Real hub, real client queue; only the socket is a stand-in that blocks until let go.
 */
class AtcBroadcasterTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(10);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final WsSettings settings = new WsSettings(
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            Duration.ofSeconds(5),
            2,
            16 << 20,
            10,
            3,
            Duration.ofSeconds(30),
            Duration.ofMillis(10));
    final LiveHub<AtcPosition> hub =
            LiveHub.forAtc(new HubSettings(Duration.ofSeconds(60), 1000, 1000, null), Clock.systemUTC(), meters);
    final AtcBroadcaster broadcaster = new AtcBroadcaster(hub, settings, meters);
    final GatedSession socket = new GatedSession();
    final ClientConnection client =
            new ClientConnection(socket, WireFormat.JSON, AtcBroadcaster.ENDPOINT, settings, new WsMetrics(meters));

    @AfterEach
    void stop() {
        client.close(CloseStatus.NORMAL);
        socket.gate.release(1000);
        broadcaster.close();
    }

    @Test
    void aClientThatStopsReadingIsResyncedAndItsFramesStillAddUpToTheHub() throws Exception {
        client.start();
        broadcaster.join(client);
        await(() -> socket.frames.size() == 1); // the snapshot, held in the blocked send

        AtcPosition[] feed = {AtcFixtures.heathrowTower(), AtcFixtures.gatwickDirector(), AtcFixtures.gatwickGround()};
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counted("skysentinel.ws.resyncs") < 1) {
            assertThat(System.nanoTime()).as("no resync within " + WAIT).isLessThan(deadline);
            hub.apply(AtcFixtures.nextFeed(feed)); // every position seen again: a change each feed
            Thread.sleep(15);
        }
        hub.apply(AtcFixtures.nextFeed(AtcFixtures.heathrowTower(), AtcFixtures.gatwickGround()));
        long hubSeq = hub.seq();
        socket.gate.release(1000);
        await(() -> !socket.frames.isEmpty()
                && socket.frames.getLast().get("hub_seq").asLong() == hubSeq);

        assertThat(counted("skysentinel.ws.dropped.frames")).isPositive();
        List<JsonNode> frames = new ArrayList<>(socket.frames);
        assertThat(frames.get(0).get("type").asString()).isEqualTo("snapshot");
        assertThat(frames.get(1).get("type").asString())
                .as("the deltas queued while it did not read were dropped: it starts over")
                .isEqualTo("snapshot");
        assertThat(frames.get(1).get("seq").asLong())
                .isGreaterThan(frames.get(0).get("seq").asLong() + 1);

        TreeMap<String, JsonNode> picture = new TreeMap<>();
        long seq = -1;
        for (JsonNode f : frames) {
            if (f.get("type").asString().equals("snapshot")) {
                picture.clear();
                f.get("positions").forEach(p -> picture.put(p.get("id").asString(), p));
            } else {
                assertThat(f.get("seq").asLong()).isEqualTo(seq + 1);
                f.get("removals").forEach(id -> picture.remove(id.asString()));
                f.get("upserts").forEach(p -> picture.put(p.get("id").asString(), p));
            }
            seq = f.get("seq").asLong();
        }
        assertThat(picture.keySet()).containsExactly("vatsim-egkk_gnd", "vatsim-egll_s_twr");
        assertThat(picture.get("vatsim-egkk_gnd").get("last_contact_unix").asLong())
                .isEqualTo(hub.get("vatsim-egkk_gnd").lastContactUnix());
    }

    private double counted(String counter) {
        var c = meters.find(counter).tag("endpoint", "atc").counter();
        return c == null ? 0 : c.count();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** A socket that records each frame, then holds the sender until the test lets it go. */
    static final class GatedSession implements WebSocketSession {
        final Semaphore gate = new Semaphore(0);
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();

        @Override
        public void sendMessage(WebSocketMessage<?> message) {
            if (message instanceof TextMessage t) frames.add(JSON.readTree(t.getPayload()));
            gate.acquireUninterruptibly();
        }

        @Override
        public String getId() {
            return "atc-test";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}

        @Override
        public void close(CloseStatus status) {}

        @Override
        public URI getUri() {
            return URI.create("ws://127.0.0.1/ws/atc");
        }

        @Override
        public HttpHeaders getHandshakeHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Principal getPrincipal() {
            return null;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public String getAcceptedProtocol() {
            return null;
        }

        @Override
        public void setTextMessageSizeLimit(int limit) {}

        @Override
        public int getTextMessageSizeLimit() {
            return 0;
        }

        @Override
        public void setBinaryMessageSizeLimit(int limit) {}

        @Override
        public int getBinaryMessageSizeLimit() {
            return 0;
        }

        @Override
        public List<WebSocketExtension> getExtensions() {
            return List.of();
        }
    }
}
