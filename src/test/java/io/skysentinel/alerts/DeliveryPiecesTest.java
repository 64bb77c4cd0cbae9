package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnomalyEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook body and its two other formats, the signature, and the backoff. */
class DeliveryPiecesTest {

    static final Aircraft UAL = Aircraft.adsb("a12345", "opensky")
            .callsign("UAL1    ")
            .position(40.64, -73.78)
            .altitudeM(300.0)
            .lastContactUnix(1_700_000_000)
            .build();
    static final AlertEvent GO_AROUND = AlertEvent.of(new AnomalyEvent(
            "go_around", 1_700_000_000_000L, "a12345", "UAL1", 40.64, -73.78, 120, Map.of("airport", "KJFK")));
    static final Alert FIRED = new Alert(
            "6f9c2b9e-0000-4000-8000-000000000001",
            Alert.Kind.FIRED,
            7,
            "jfk go-arounds",
            "a12345",
            UAL,
            null,
            GO_AROUND,
            1_700_000_001_000L);

    @Test
    void theJsonBodyHasTheDocumentedFields() {
        JsonNode b = Rules.JSON.readTree(AlertBodies.json(FIRED));
        assertThat(b.propertyNames()).containsExactly("kind", "id", "rule", "flight", "event", "fired_at");
        assertThat(b.get("kind").asString()).isEqualTo("fired");
        assertThat(b.get("rule").get("id").asLong()).isEqualTo(7);
        assertThat(b.get("rule").get("name").asString()).isEqualTo("jfk go-arounds");
        assertThat(b.get("flight").get("icao24").asString()).isEqualTo("a12345");
        assertThat(b.get("flight").get("altitude_m").asDouble()).isEqualTo(300.0);
        assertThat(b.get("event").get("kind").asString()).isEqualTo("go_around");
        assertThat(b.get("event").get("airport").asString()).isEqualTo("KJFK");
        assertThat(b.get("event").get("time").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(b.get("fired_at").asString()).isEqualTo("2023-11-14T22:13:21Z");
    }

    @Test
    void ntfyAndDiscordGetALineOfText() {
        AlertBodies.Body ntfy = AlertBodies.forFormat(Delivery.Format.NTFY, FIRED, AlertBodies.json(FIRED));
        assertThat(ntfy.contentType()).startsWith("text/plain");
        assertThat(ntfy.text())
                .isEqualTo("jfk go-arounds — go around at KJFK UAL1 (a12345) at 40.6400, -73.7800, 300 m");
        AlertBodies.Body discord = AlertBodies.forFormat(Delivery.Format.DISCORD, FIRED, AlertBodies.json(FIRED));
        assertThat(discord.contentType()).isEqualTo("application/json");
        assertThat(Rules.JSON.readTree(discord.text()).get("content").asString())
                .isEqualTo(ntfy.text());
    }

    @Test
    void theSignatureIsTheHexHmacOfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signature.of("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theBackoffDoublesUpToItsMaximumWithJitterInTheUpperHalf() {
        Backoff b = new Backoff(1_000, 60_000);
        assertThat(b.delayMs(1, 0)).isEqualTo(500);
        assertThat(b.delayMs(1, 0.999)).isBetween(999L, 1_000L);
        assertThat(b.delayMs(3, 0)).isEqualTo(2_000);
        assertThat(b.delayMs(3, 0.5)).isEqualTo(3_000);
        assertThat(b.delayMs(20, 0)).isEqualTo(30_000);
        assertThat(b.delayMs(200, 0.999)).isBetween(59_900L, 60_000L);
    }

    @Test
    void theMemoryStoreKeepsItsBound() {
        MemoryAlertStore store = new MemoryAlertStore(2);
        for (int i = 0; i < 3; i++)
            store.recordFired(java.util.List.of(new AlertStore.FiredAlert("a" + i, 1, "fired", "x", i, "{}")));
        assertThat(store.fired(null, 0, 10, 0, 10))
                .extracting(AlertStore.FiredAlert::id)
                .containsExactly("a2", "a1");
        assertThat(store.forgotten()).isEqualTo(1);
    }
}
