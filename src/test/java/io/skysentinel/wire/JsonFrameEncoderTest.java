package io.skysentinel.wire;

import static io.skysentinel.wire.WireFixtures.T0_MS;
import static io.skysentinel.wire.WireTrees.JSON;
import static io.skysentinel.wire.WireTrees.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skysentinel.core.Aircraft;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** JSON frames: the aircraft objects are exactly what the REST API's Jackson mapper makes of the record. */
class JsonFrameEncoderTest {

    final FrameEncoder json = FrameEncoder.of(WireFormat.JSON);

    @Test
    void fullyPopulatedAircraftEqualsTheRestMapperTreeFieldByField() {
        assertEqualsMapperTree(WireFixtures.full());
    }

    @Test
    void aircraftWithEveryNullableFieldNullEqualsTheRestMapperTreeFieldByField() {
        assertEqualsMapperTree(WireFixtures.allNull());
    }

    @Test
    void aVatsimPilotWithItsFlightPlanEqualsTheRestMapperTree() {
        assertEqualsMapperTree(WireFixtures.vatsimPilot());
    }

    @Test
    void unicodeAircraftEqualsTheRestMapperTree() {
        assertEqualsMapperTree(WireFixtures.unicode());
    }

    @Test
    void theSnakeCaseMapperSpringConfiguresWritesTheSameAircraft() {
        JsonMapper spring = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        Aircraft a = WireFixtures.full();
        String frame = new String(json.snapshot(1, 1, T0_MS, List.of(a)), StandardCharsets.UTF_8);
        assertTrue(frame.contains(spring.writeValueAsString(a)), frame);
    }

    @Test
    void layoutFollowsTheRecordsPropertyOrder() {
        List<String> recordOrder =
                List.of(Aircraft.class.getAnnotation(JsonPropertyOrder.class).value());
        assertEquals(recordOrder, FrameEncoderTest.AIRCRAFT_KEYS);
        JsonNode decoded = JSON.readTree(json.snapshot(1, 1, T0_MS, List.of(WireFixtures.full())))
                .get("aircraft")
                .get(0);
        assertEquals(recordOrder, keys(decoded));
    }

    @Test
    void framesAreCompactUtf8() {
        byte[] frame = json.snapshot(1, 2, T0_MS, List.of(WireFixtures.unicode()));
        String text = new String(frame, StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith(
                        "{\"type\":\"snapshot\",\"seq\":1,\"hub_seq\":2,\"time\":" + T0_MS + ",\"aircraft\":[{"),
                text);
        assertFalse(text.contains("\n"), "pretty printed or unescaped newline: " + text);
        assertFalse(text.contains(": "), text);
        // non-ASCII is written as UTF-8, not \\u escapes; quotes, backslashes and control characters are escaped
        assertTrue(text.contains("\"callsign\":\"ÅÆØ\\\"\\\\é✈\""), text);
        assertTrue(text.contains("\"origin_country\":\"Côte d'Ivoire 🇨🇮\\n\""), text);
    }

    @Test
    void exactBytesOfSmallFrames() {
        assertEquals(
                "{\"type\":\"error\",\"time\":5,\"message\":\"bad \\\"bbox\\\"\"}",
                new String(json.error(5, "bad \"bbox\""), StandardCharsets.UTF_8));
        assertEquals(
                "{\"type\":\"delta\",\"seq\":3,\"hub_seq\":4,\"time\":5,\"upserts\":[],\"removals\":[\"abc123\","
                        + "\"00000f\"]}",
                new String(json.delta(3, 4, 5, List.of(), List.of("abc123", "00000f")), StandardCharsets.UTF_8));
        assertEquals(
                "{\"type\":\"status\",\"time\":5,\"aircraft\":2,\"view_aircraft\":1,\"data_age_s\":0.5,\"stale\":false,"
                        + "\"rate_limit\":null}",
                new String(json.status(new StatusFrame(5, 2, 1, 0.5, false, null)), StandardCharsets.UTF_8));
        // the shape /ws/playback sent when it built this frame as a map: speed as a double, state last
        assertEquals(
                "{\"type\":\"playback\",\"time\":5,\"at\":20,\"from\":10,\"to\":30,\"speed\":1.0,"
                        + "\"state\":\"playing\"}",
                new String(json.playback(new PlaybackFrame(5, 20, 10, 30, 1, false)), StandardCharsets.UTF_8));
    }

    /**
     * Three views of "the same as the REST API": the mapper's {@code valueToTree} field by field (numbers by kind
     * and value: the tree keeps a Java {@code long} as a LongNode where parsed JSON has an IntNode, which is not a
     * difference on the wire), the parse of the mapper's own bytes node for node, and those bytes verbatim.
     */
    private void assertEqualsMapperTree(Aircraft aircraft) {
        byte[] frame = json.snapshot(1, 1, T0_MS, List.of(aircraft));
        JsonNode actual = JSON.readTree(frame).get("aircraft").get(0);

        JsonNode expected = JSON.valueToTree(aircraft);
        assertEquals(keys(expected), keys(actual));
        for (String field : expected.propertyNames()) {
            WireTrees.assertSameTree(expected.get(field), actual.get(field), field);
        }

        byte[] restBytes = JSON.writeValueAsBytes(aircraft);
        assertEquals(JSON.readTree(restBytes), actual);
        assertTrue(
                new String(frame, StandardCharsets.UTF_8).contains(new String(restBytes, StandardCharsets.UTF_8)),
                "frame does not contain the REST serialisation verbatim");
    }
}
