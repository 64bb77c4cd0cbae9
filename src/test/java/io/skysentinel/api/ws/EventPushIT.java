package io.skysentinel.api.ws;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.WsTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Live analytics end to end: a squawk-7700 state on the bus reaches real WebSocket clients as an event frame. */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.sim.tick=1h",
            "skysentinel.sim.emergency-probability=0",
            "skysentinel.ws.delta-interval=50ms"
        })
class EventPushIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final AtomicLong CLOCK = new AtomicLong(Instant.now().getEpochSecond());

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack"})
    void anEmergencySquawkIsPushedToEveryClientOnceAsAnEventFrame(String format) throws Exception {
        long t = CLOCK.addAndGet(1_000);
        String id = format.equals("json") ? "e07700" : "f07700";
        try (WsTestClient ws = new WsTestClient("ws://127.0.0.1:" + port + "/ws/flights?format=" + format);
                WsTestClient other = new WsTestClient("ws://127.0.0.1:" + port + "/ws/flights")) {
            ws.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            other.until(f -> f.get("type").asString().equals("snapshot"), WAIT);
            // A narrow view elsewhere: events still reach this client, whatever it watches.
            other.send("{\"type\":\"subscribe\",\"filter\":{\"bbox\":[10,10,11,11]}}");
            for (int i = 0; i < 3; i++) {
                bus.publish(SourceBatch.live(
                        "fixture",
                        (t + i) * 1000,
                        List.of(plane(id)
                                .from("fixture")
                                .callsign("EMG77  ")
                                .at(-40, -20 + i * 0.01)
                                .alt(9_000)
                                .squawk("7700")
                                .seen(t + i)
                                .build())));
            }
            JsonNode event = ws.until(
                            f -> f.get("type").asString().equals("event")
                                    && f.get("event").get("id").asString().equals(id),
                            WAIT)
                    .getLast();
            assertThat(event.get("time").asLong()).isGreaterThan(0);
            JsonNode e = event.get("event");
            assertThat(e.get("kind").asString()).isEqualTo("squawk_7700");
            // The runner polls the hub, which keeps only each aircraft's newest state: any of the three may come first.
            assertThat(e.get("time").asLong()).isBetween(t * 1000, (t + 2) * 1000);
            assertThat(e.get("callsign").asString()).isEqualTo("EMG77");
            assertThat(e.get("lat").asDouble()).isCloseTo(-40.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(e.get("lon").asDouble()).isBetween(-20.0001, -19.979);
            assertThat(e.get("altitude_m").asDouble()).isEqualTo(9_000.0);
            assertThat(e.get("details").get("squawk").asString()).isEqualTo("7700");

            assertThat(other.until(
                            f -> f.get("type").asString().equals("event")
                                    && f.get("event").get("id").asString().equals(id),
                            WAIT))
                    .isNotEmpty();

            // Three updates of one episode: one event. Wait a few analytics polls, then count.
            List<JsonNode> more = ws.drain(Duration.ofMillis(800));
            assertThat(more)
                    .noneMatch(f -> f.get("type").asString().equals("event")
                            && f.get("event").get("id").asString().equals(id));
        }
    }
}
