package io.skysentinel.wire;

import static io.skysentinel.wire.WireFixtures.T0_MS;
import static io.skysentinel.wire.WireTrees.JSON;
import static io.skysentinel.wire.WireTrees.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.testing.AtcFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The /ws/atc frames: a JSON frame carries each position exactly as the REST API's snake-case mapper writes it (the
 * same bytes), and every format decodes to the same tree.
 */
class AtcFramesTest {

    /** The mapper Spring Boot configures from application.yml. */
    static final JsonMapper REST = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    static List<AtcPosition> positions() {
        return List.of(
                AtcFixtures.heathrowTower(),
                AtcFixtures.heathrowAtis(),
                AtcFixtures.gatwickDirector(),
                AtcFixtures.unplaced());
    }

    @ParameterizedTest
    @MethodSource("positions")
    void aJsonFrameCarriesThePositionAsTheRestMapperWritesIt(AtcPosition p) {
        byte[] frame = FrameEncoder.of(WireFormat.JSON).atcSnapshot(7, 42, T0_MS, List.of(p));
        String rest = REST.writeValueAsString(p);
        String text = new String(frame, StandardCharsets.UTF_8);
        assertEquals(
                "{\"type\":\"snapshot\",\"seq\":7,\"hub_seq\":42,\"time\":" + T0_MS + ",\"positions\":[" + rest + "]}",
                text);
    }

    @ParameterizedTest
    @MethodSource("positions")
    void aDeltaCarriesThePositionAsTheRestMapperWritesItAndItsRemovals(AtcPosition p) {
        byte[] frame = FrameEncoder.of(WireFormat.JSON).atcDelta(8, 43, T0_MS, List.of(p), List.of("vatsim-egkk_gnd"));
        assertEquals(
                "{\"type\":\"delta\",\"seq\":8,\"hub_seq\":43,\"time\":" + T0_MS + ",\"upserts\":["
                        + REST.writeValueAsString(p) + "],\"removals\":[\"vatsim-egkk_gnd\"]}",
                new String(frame, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void everyFormatDecodesToTheRestTree(WireFormat format) {
        JsonNode decoded = WireTrees.decode(
                format, FrameEncoder.of(format).atcDelta(3, 9, T0_MS, positions(), List.of("vatsim-egkk_gnd")));
        assertEquals("delta", decoded.get("type").asString());
        assertEquals(3, decoded.get("seq").asLong());
        assertEquals(9, decoded.get("hub_seq").asLong());
        assertEquals(T0_MS, decoded.get("time").asLong());
        assertEquals("vatsim-egkk_gnd", decoded.get("removals").get(0).asString());
        JsonNode upserts = decoded.get("upserts");
        assertEquals(positions().size(), upserts.size());
        for (int i = 0; i < upserts.size(); i++) {
            JsonNode expected = JSON.readTree(REST.writeValueAsBytes(positions().get(i)));
            for (String field : expected.propertyNames())
                WireTrees.assertSameTree(expected.get(field), upserts.get(i).get(field), field);
            assertEquals(keys(expected), keys(upserts.get(i)));
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void anEmptySnapshotHasAnEmptyArray(WireFormat format) {
        JsonNode decoded = WireTrees.decode(format, FrameEncoder.of(format).atcSnapshot(1, 0, T0_MS, List.of()));
        assertTrue(decoded.get("positions").isArray());
        assertEquals(0, decoded.get("positions").size());
    }

    @Test
    void layoutFollowsTheRecordsPropertyOrder() {
        List<String> recordOrder =
                List.of(AtcPosition.class.getAnnotation(JsonPropertyOrder.class).value());
        assertEquals(AtcLayout.FIELDS, recordOrder.size());
        JsonNode decoded = JSON.readTree(
                        FrameEncoder.of(WireFormat.JSON).atcSnapshot(1, 1, T0_MS, List.of(AtcFixtures.unplaced())))
                .get("positions")
                .get(0);
        assertEquals(recordOrder, keys(decoded));
    }
}
