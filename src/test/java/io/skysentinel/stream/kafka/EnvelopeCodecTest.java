package io.skysentinel.stream.kafka;

import io.skysentinel.core.Aircraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeCodecTest {

    final EnvelopeCodec codec = KafkaRig.CODEC;
    final Aircraft a = plane("abc123").callsign("DAL1").at(40.6, -73.8).alt(3000).squawk("7700").seen(1_766_888_059L).build();
    final SourceInfo sim = new SourceInfo("sim", "simulated", List.of(40.4, -74.5, 41.2, -73.5), 1.0);

    @Test
    void envelopeV1HasExactlyTheDocumentedFieldsAndThePayloadIsTheApiAircraft() {
        byte[] bytes = codec.encode(new Envelope(1, Envelope.FLIGHT_STATE, "2026-11-22T16:00:00.123Z", sim, a));
        JsonNode root = KafkaRig.JSON.readTree(bytes);
        assertThat(names(root)).containsExactly("schema_version", "type", "produced_at", "source", "payload");
        assertThat(root.get("schema_version").asInt()).isEqualTo(1);
        assertThat(root.get("type").asString()).isEqualTo("flight_state");
        assertThat(root.get("produced_at").asString()).isEqualTo("2026-11-22T16:00:00.123Z");
        assertThat(names(root.get("source"))).containsExactly("provider", "mode", "bbox", "poll_interval_s");
        assertThat(root.get("source").get("bbox").size()).isEqualTo(4);
        assertThat(root.get("source").get("poll_interval_s").asDouble()).isEqualTo(1.0);
        // the payload is byte for byte what the REST API writes for this aircraft
        assertThat(root.get("payload")).isEqualTo(KafkaRig.JSON.readTree(KafkaRig.JSON.writeValueAsBytes(a)));
        assertThat(root.get("payload").get("last_contact_unix").asLong()).isEqualTo(1_766_888_059L);
        assertThat(root.get("payload").get("position").get("lat").asDouble()).isEqualTo(40.6);
    }

    @Test
    void decodingReturnsTheSameAircraft() throws Exception {
        byte[] bytes = codec.encode(new Envelope(1, Envelope.FLIGHT_UPDATE, "2026-11-22T16:00:00Z", SourceInfo.unknown("sim"), a));
        Envelope e = codec.decode("abc123", bytes, null);
        assertThat(e.payload()).isEqualTo(a);
        assertThat(e.type()).isEqualTo("flight_update");
        assertThat(e.source().bbox()).isNull();
        assertThat(e.producedAtMs()).isEqualTo(java.time.Instant.parse("2026-11-22T16:00:00Z").toEpochMilli());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{nope|not_json",
            "[1,2]|not_object",
            "{\"schema_version\":2,\"type\":\"flight_state\"}|schema_version",
            "{\"schema_version\":\"1\",\"type\":\"flight_state\"}|schema_version",
            "{\"schema_version\":1,\"type\":\"flight_landed\"}|type",
            "{\"schema_version\":1,\"type\":\"flight_update\"}|type",
            "{\"schema_version\":1,\"type\":\"flight_state\",\"produced_at\":\"yesterday\"}|produced_at",
            "{\"schema_version\":1,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\"}|source",
            "{\"schema_version\":1,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\",\"source\":{\"provider\":\"sim\"},\"payload\":{\"callsign\":\"X\"}}|payload",
            "{\"schema_version\":1,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\",\"source\":{\"provider\":\"sim\"},\"payload\":{\"id\":\"abc999\",\"icao24\":\"abc999\",\"source\":\"sim\",\"on_ground\":false,\"spi\":false,\"last_contact_unix\":1}}|key_mismatch",
    })
    void invalidEnvelopesAreRejectedNamingTheField(String json, String reason) {
        assertThatThrownBy(() -> codec.decode("abc123", json.getBytes(StandardCharsets.UTF_8), Envelope.FLIGHT_STATE))
                .isInstanceOfSatisfying(InvalidEnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.propertyNames().forEach(out::add);
        return out;
    }
}
