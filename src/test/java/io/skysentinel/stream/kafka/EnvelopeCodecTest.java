package io.skysentinel.stream.kafka;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.OpenSkyExtras;
import io.skysentinel.core.RemovalReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class EnvelopeCodecTest {

    static final Instant AT = Instant.parse("2026-11-22T16:00:00.123Z");
    final EnvelopeCodec codec = KafkaRig.CODEC;
    final Aircraft a = plane("abc123")
            .callsign("DAL1")
            .at(40.6, -73.8)
            .alt(3000)
            .squawk("7700")
            .seen(1_766_888_059L)
            .build();
    final SourceInfo sim = new SourceInfo("sim", "simulated", List.of(40.4, -74.5, 41.2, -73.5), 1.0);

    @Test
    void envelopeV2HasExactlyTheDocumentedFieldsAndThePayloadIsTheApiAircraft() {
        byte[] bytes = codec.encode(Envelope.of(Envelope.FLIGHT_STATE, AT, sim, null, a));
        JsonNode root = KafkaRig.JSON.readTree(bytes);
        assertThat(names(root)).containsExactly("schema_version", "type", "produced_at", "source", "payload");
        assertThat(root.get("schema_version").asInt()).isEqualTo(2);
        assertThat(root.get("type").asString()).isEqualTo("flight_state");
        assertThat(root.get("produced_at").asString()).isEqualTo("2026-11-22T16:00:00.123Z");
        assertThat(names(root.get("source"))).containsExactly("provider", "mode", "bbox", "poll_interval_s");
        assertThat(root.get("source").get("bbox").size()).isEqualTo(4);
        assertThat(root.get("source").get("poll_interval_s").asDouble()).isEqualTo(1.0);
        // the payload is what the REST API writes for this aircraft, id first
        assertThat(root.get("payload")).isEqualTo(KafkaRig.JSON.readTree(KafkaRig.JSON.writeValueAsBytes(a)));
        assertThat(names(root.get("payload")).getFirst()).isEqualTo("id");
        assertThat(root.get("payload").get("id").asString()).isEqualTo("abc123");
        assertThat(root.get("payload").get("last_contact_unix").asLong()).isEqualTo(1_766_888_059L);
    }

    @Test
    void aVatsimPilotsNameGoesIntoTheTopicsOnlyWhenNamesMayBeStored() {
        Aircraft pilot = Aircraft.builder("vatsim-1234567", "vatsim")
                .callsign("BAW117")
                .position(51.47, -0.46)
                .lastContactUnix(1_766_888_059L)
                .vatsim(new io.skysentinel.core.VatsimExtras(
                        1_234_567, "Test Pilot", 1, 0, "UK-1", 270.0, 1013.0, 1_766_880_000L, null))
                .build();
        JsonNode kept = KafkaRig.JSON.readTree(new EnvelopeCodec(KafkaRig.JSON, true).payload(pilot));
        JsonNode dropped = KafkaRig.JSON.readTree(new EnvelopeCodec(KafkaRig.JSON).payload(pilot));
        assertThat(kept.get("vatsim").get("name").asString()).isEqualTo("Test Pilot");
        assertThat(dropped.get("vatsim").get("name").isNull()).isTrue();
        assertThat(dropped.get("vatsim").get("cid").asLong()).isEqualTo(1_234_567);
        assertThat(dropped.get("callsign").asString()).isEqualTo("BAW117");
    }

    @Test
    void aRemovalCarriesItsReasonBeforeTheLastState() {
        byte[] bytes = codec.encode(Envelope.of(Envelope.FLIGHT_REMOVAL, AT, sim, RemovalReason.LEFT_FEED, a));
        JsonNode root = KafkaRig.JSON.readTree(bytes);
        assertThat(names(root)).containsExactly("schema_version", "type", "produced_at", "source", "reason", "payload");
        assertThat(root.get("reason").asString()).isEqualTo("left_feed");
        assertThat(root.get("payload").get("id").asString()).isEqualTo("abc123");
    }

    @Test
    void wrappingSharesThePayloadBytesAndEqualsTheWholeEnvelope() {
        byte[] payload = codec.payload(a);
        byte[] update = codec.wrap(Envelope.FLIGHT_UPDATE, AT, sim, null, payload);
        byte[] state = codec.wrap(Envelope.FLIGHT_STATE, AT, sim, null, payload);
        assertThat(update).isEqualTo(codec.encode(Envelope.of(Envelope.FLIGHT_UPDATE, AT, sim, null, a)));
        assertThat(state).isEqualTo(codec.encode(Envelope.of(Envelope.FLIGHT_STATE, AT, sim, null, a)));
        String text = new String(state, StandardCharsets.UTF_8);
        assertThat(text).endsWith(",\"payload\":" + new String(payload, StandardCharsets.UTF_8) + "}");
    }

    @Test
    void decodingReturnsTheSameAircraftAndTheParsedInstant() throws Exception {
        byte[] bytes = codec.encode(Envelope.of(
                Envelope.FLIGHT_UPDATE, Instant.parse("2026-11-22T16:00:00Z"), SourceInfo.unknown("sim"), null, a));
        Envelope e = codec.decode("abc123", bytes, null);
        assertThat(e.payload()).isEqualTo(a);
        assertThat(e.type()).isEqualTo("flight_update");
        assertThat(e.schemaVersion()).isEqualTo(2);
        assertThat(e.reason()).isNull();
        assertThat(e.source().bbox()).isNull();
        assertThat(e.producedAtMs())
                .isEqualTo(Instant.parse("2026-11-22T16:00:00Z").toEpochMilli());
        Envelope removal = codec.decode(
                "abc123",
                codec.encode(Envelope.of(Envelope.FLIGHT_REMOVAL, AT, sim, RemovalReason.STALE, a)),
                Envelope.UPDATES_TOPIC);
        assertThat(removal.reason()).isEqualTo(RemovalReason.STALE);
        assertThat(removal.payload()).isEqualTo(a);
    }

    /** What version 1 wrote: no id, icao24 as the key, OpenSky's position_source and sensors flat in the payload. */
    static final String V1 = """
            {"schema_version":1,"type":"flight_state","produced_at":"2026-11-22T16:00:00.123Z",
             "source":{"provider":"opensky","mode":"authenticated","bbox":null,"poll_interval_s":5.0},
             "payload":{"icao24":"a1b2c3","callsign":"DAL123","origin_country":"United States",
                        "position":{"lat":40.64,"lon":-73.78},"altitude_m":3000.0,"geo_altitude_m":3050.0,
                        "velocity_mps":120.0,"heading_deg":90.0,"vertical_rate_mps":0.0,"on_ground":false,
                        "squawk":"1200","spi":false,"position_source":0,"category":null,"time_position_unix":1766888059,
                        "last_contact_unix":1766888059,"sensors":[7,9],"source":"opensky"}}""";

    @Test
    void aV1RecordLeftOnTheTopicIsUpgraded() throws Exception {
        Envelope e = codec.decode("a1b2c3", V1.getBytes(StandardCharsets.UTF_8), Envelope.STATE_TOPIC);
        assertThat(e.schemaVersion()).isEqualTo(1);
        assertThat(e.producedAt()).isEqualTo(AT);
        Aircraft p = e.payload();
        assertThat(p.id()).isEqualTo("a1b2c3");
        assertThat(p.icao24()).isEqualTo("a1b2c3");
        assertThat(p.opensky()).isEqualTo(new OpenSkyExtras(0, List.of(7, 9)));
        assertThat(p.callsign()).isEqualTo("DAL123");
        assertThat(p.position().lat()).isEqualTo(40.64);
        assertThat(p.lastContactUnix()).isEqualTo(1_766_888_059L);
        // written again it is a v2 record of the same aircraft
        byte[] rewritten = codec.encode(Envelope.of(e.type(), e.producedAt(), e.source(), null, p));
        Envelope again = codec.decode("a1b2c3", rewritten, null);
        assertThat(again.schemaVersion()).isEqualTo(2);
        assertThat(again.payload()).isEqualTo(p);
    }

    @Test
    void aV1PayloadWithoutOpenSkyFieldsHasNoOpenSkyGroup() throws Exception {
        String v1 = V1.replace("\"position_source\":0,", "\"position_source\":null,")
                .replace("\"sensors\":[7,9],", "");
        assertThat(codec.decode("a1b2c3", v1.getBytes(StandardCharsets.UTF_8), null)
                        .payload()
                        .opensky())
                .isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{nope|not_json",
                "[1,2]|not_object",
                "{\"schema_version\":3,\"type\":\"flight_state\"}|schema_version",
                "{\"schema_version\":\"2\",\"type\":\"flight_state\"}|schema_version",
                "{\"schema_version\":2,\"type\":\"flight_landed\"}|type",
                "{\"schema_version\":2,\"type\":\"flight_update\"}|type",
                "{\"schema_version\":1,\"type\":\"flight_removal\"}|type",
                "{\"schema_version\":2,\"type\":\"flight_state\",\"produced_at\":\"yesterday\"}|produced_at",
                "{\"schema_version\":2,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\"}|source",
                "{\"schema_version\":2,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\",\"source\":"
                        + "{\"provider\":\"sim\"},\"reason\":\"stale\"}|reason",
                "{\"schema_version\":2,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\",\"source\":"
                        + "{\"provider\":\"sim\"},\"payload\":{\"callsign\":\"X\"}}|payload",
                "{\"schema_version\":1,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\",\"source\":"
                        + "{\"provider\":\"sim\"},\"payload\":{\"icao24\":\"nothex\"}}|payload",
                "{\"schema_version\":2,\"type\":\"flight_state\",\"produced_at\":\"2026-11-22T16:00:00Z\",\"source\":"
                        + "{\"provider\":\"sim\"},\"payload\":{\"id\":\"abc999\",\"icao24\":\"abc999\",\"source\":"
                        + "\"sim\",\"on_ground\":false,\"spi\":false,\"last_contact_unix\":1}}|key_mismatch",
            })
    void invalidStateRecordsAreRejectedNamingTheField(String json, String reason) {
        assertThatThrownBy(() -> codec.decode("abc123", json.getBytes(StandardCharsets.UTF_8), Envelope.STATE_TOPIC))
                .isInstanceOfSatisfying(
                        InvalidEnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|reason",
                "\"reason\":\"vanished\",|reason",
                "\"reason\":7,|reason",
            })
    void aRemovalNeedsAKnownReason(String reasonField, String reason) {
        String valid = new String(
                codec.encode(Envelope.of(Envelope.FLIGHT_REMOVAL, AT, sim, RemovalReason.STALE, a)),
                StandardCharsets.UTF_8);
        String json = valid.replace("\"reason\":\"stale\",", reasonField == null ? "" : reasonField);
        assertThatThrownBy(() -> codec.decode("abc123", json.getBytes(StandardCharsets.UTF_8), Envelope.UPDATES_TOPIC))
                .isInstanceOfSatisfying(
                        InvalidEnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void fieldsAConsumerDoesNotKnowAreIgnored() throws Exception {
        byte[] bytes = codec.encode(Envelope.of(Envelope.FLIGHT_UPDATE, AT, sim, null, a));
        String valid = new String(bytes, StandardCharsets.UTF_8);
        String newer = valid.replace("{\"schema_version\":2,", "{\"schema_version\":2,\"trace_id\":\"x1\",")
                .replace("\"mode\":\"simulated\"", "\"mode\":\"quantum\"");
        Envelope e = codec.decode("abc123", newer.getBytes(StandardCharsets.UTF_8), Envelope.UPDATES_TOPIC);
        assertThat(e.payload()).isEqualTo(a);
        assertThat(e.source().mode()).isEqualTo("quantum");
    }

    @Test
    void aNullValueIsNotAnEnvelope() {
        assertThatThrownBy(() -> codec.decode("abc123", null, Envelope.UPDATES_TOPIC))
                .isInstanceOfSatisfying(
                        InvalidEnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo("null_value"));
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.propertyNames().forEach(out::add);
        return out;
    }
}
