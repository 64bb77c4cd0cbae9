package io.skysentinel.stream.kafka;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.OpenSkyExtras;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.VatsimExtras;
import io.skysentinel.testing.Fuzz;
import io.skysentinel.testing.HostileJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Property-based fuzzing of the Kafka envelope decoder (issue 13): a record value of any bytes gives an envelope or the
 * declared {@link InvalidEnvelopeException} with one of the documented reason tokens (docs/kafka.md), so a bad record
 * goes to the dead-letter topic and never stalls a consumer; what is accepted matches its key and its topic's types.
 */
class EnvelopeFuzzTest {

    static final Set<String> REASONS = Set.of(
            "null_value",
            "not_json",
            "not_object",
            "schema_version",
            "type",
            "produced_at",
            "source",
            "reason",
            "payload",
            "key_mismatch");
    static final List<String> KEYS = List.of(
            "schema_version",
            "type",
            "produced_at",
            "source",
            "reason",
            "payload",
            "provider",
            "mode",
            "bbox",
            "poll_interval_s",
            "id",
            "icao24",
            "callsign",
            "position",
            "lat",
            "lon",
            "altitude_m",
            "last_contact_unix",
            "source",
            "opensky",
            "vatsim",
            "position_source",
            "sensors",
            "cid",
            "flight_plan",
            "on_ground");
    static final Instant AT = Instant.parse("2026-11-22T16:00:00.123Z");

    final EnvelopeCodec codec = KafkaRig.CODEC;
    final SourceInfo sim = new SourceInfo("sim", "simulated", List.of(40.4, -74.5, 41.2, -73.5), 1.0);
    final Aircraft adsb =
            plane("abc123")
                    .callsign("DAL1")
                    .at(40.6, -73.8)
                    .alt(3000)
                    .squawk("7700")
                    .seen(1_766_888_059L)
                    .build()
                    .toBuilder()
                    .opensky(new OpenSkyExtras(0, List.of(7, 9)))
                    .build();
    final Aircraft pilot = Aircraft.builder("vatsim-1234567", "vatsim")
            .callsign("BAW12")
            .position(51.47, -0.45)
            .lastContactUnix(1_766_888_059L)
            .vatsim(new VatsimExtras(1234567, "A Pilot", 1, 0, "UK-1", 270.0, 1013.0, 1_766_880_000L, plan()))
            .build();
    final List<byte[]> valid = List.of(
            codec.encode(Envelope.of(Envelope.FLIGHT_STATE, AT, sim, null, adsb)),
            codec.encode(Envelope.of(Envelope.FLIGHT_UPDATE, AT, sim, null, pilot)),
            codec.encode(Envelope.of(Envelope.FLIGHT_REMOVAL, AT, sim, RemovalReason.STALE, adsb)),
            EnvelopeCodecTest.V1.getBytes(StandardCharsets.UTF_8));

    @Test
    void mutatedEnvelopesDecodeOrAreRefusedWithADocumentedReason() {
        Fuzz.forAll(1_000, r -> {
            byte[] seed = valid.get(r.nextInt(valid.size()));
            JsonNode doc = HostileJson.mutate(HostileJson.JSON.readTree(seed), r, KEYS);
            check(key(r, doc), HostileJson.bytes(doc), types(r));
        });
    }

    @Test
    void randomAndDamagedBytesAreRefusedWithADocumentedReason() {
        Fuzz.forAll(1_000, r -> {
            byte[] value = switch (r.nextInt(5)) {
                case 0 -> HostileJson.randomBytes(r);
                case 1 -> HostileJson.deepNesting(r);
                case 2 -> HostileJson.bytes(HostileJson.object(r, 4, KEYS));
                case 3 -> r.nextInt(10) == 0 ? null : new byte[0];
                default -> HostileJson.corrupt(valid.get(r.nextInt(valid.size())), r);
            };
            check(r.nextBoolean() ? "abc123" : HostileJson.string(r), value, types(r));
        });
    }

    /** Found by the fuzzing: both threw an unchecked exception, a poison record that stalled the consumer. */
    @Test
    void aMissingTypeAndAHugeSchemaVersionAreRefusedWithTheirReason() {
        for (String value : List.of("{\"schema_version\":2}", "{\"schema_version\":1,\"type\":7}")) {
            assertThatThrownBy(() -> codec.decode("abc123", value.getBytes(StandardCharsets.UTF_8), null))
                    .isInstanceOf(InvalidEnvelopeException.class)
                    .hasMessageStartingWith("type:");
        }
        byte[] huge = "{\"schema_version\":9223372036854775807}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode("abc123", huge, null))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageStartingWith("schema_version:");
    }

    private void check(String key, byte[] value, Set<String> types) {
        Envelope e;
        try {
            e = codec.decode(key, value, types);
        } catch (InvalidEnvelopeException x) {
            assertThat(x.reason()).isIn(REASONS);
            return;
        }
        assertThat(e.payload().id()).isEqualTo(key);
        if (types != null) assertThat(types).contains(e.type());
        assertThat(e.reason() != null).isEqualTo(Envelope.FLIGHT_REMOVAL.equals(e.type()));
    }

    /** Mostly the payload's own id (so the decoder gets past the key check), sometimes anything. */
    private static String key(Random r, JsonNode doc) {
        JsonNode id = doc.path("payload").path("id");
        if (r.nextInt(5) == 0 || !id.isString()) return r.nextBoolean() ? "abc123" : HostileJson.string(r);
        return id.asString();
    }

    private static Set<String> types(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> Envelope.STATE_TOPIC;
            case 1 -> Envelope.UPDATES_TOPIC;
            default -> null;
        };
    }

    private static FlightPlan plan() {
        return new FlightPlan(
                "I",
                "A320/M-SDE2",
                "A320",
                "EGLL",
                "LFPG",
                null,
                "FL350",
                35_000,
                450,
                "DCT",
                null,
                "1200",
                "0100",
                "0300",
                2);
    }
}
