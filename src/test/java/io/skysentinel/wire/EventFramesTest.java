package io.skysentinel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.testing.MsgpackTree;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventFramesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static AnomalyEvent event(double lat, double altitude) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vertical_rate_fpm", -7200L);
        details.put("distance_km", 50.5);
        details.put("direction", "left");
        details.put("unknown", Double.NaN);
        return new AnomalyEvent("rapid_descent", 1_700_000_020_000L, "4b1805", "SWR12", lat, 8.55, altitude, details);
    }

    @Test
    void jsonHasTheAgreedShape() {
        JsonNode f = JSON.readTree(new String(
                EventFrames.encode(WireFormat.JSON, 1_700_000_021_000L, event(47.45, 1200.0)), StandardCharsets.UTF_8));
        assertThat(f.get("type").asString()).isEqualTo("event");
        assertThat(f.get("time").asLong()).isEqualTo(1_700_000_021_000L);
        JsonNode e = f.get("event");
        assertThat(e.propertyNames())
                .containsExactly("kind", "time", "id", "callsign", "lat", "lon", "altitude_m", "details");
        assertThat(e.get("kind").asString()).isEqualTo("rapid_descent");
        assertThat(e.get("time").asLong()).isEqualTo(1_700_000_020_000L);
        assertThat(e.get("lat").asDouble()).isEqualTo(47.45);
        assertThat(e.get("altitude_m").asDouble()).isEqualTo(1200.0);
        assertThat(e.get("details").get("vertical_rate_fpm").asLong()).isEqualTo(-7200);
        assertThat(e.get("details").get("distance_km").asDouble()).isEqualTo(50.5);
        assertThat(e.get("details").get("direction").asString()).isEqualTo("left");
        assertThat(e.get("details").get("unknown").isNull()).isTrue();
    }

    @Test
    void nanBecomesNullInBothFormats() {
        AnomalyEvent e =
                new AnomalyEvent("lost_contact", 1L, "abc123", null, Double.NaN, Double.NaN, Double.NaN, Map.of());
        for (WireFormat format : WireFormat.values()) {
            byte[] bytes = EventFrames.encode(format, 2L, e);
            JsonNode f = WireTrees.decode(format, bytes); // inflates the deflated formats first
            JsonNode ev = f.get("event");
            assertThat(ev.get("lat").isNull()).as(format.name()).isTrue();
            assertThat(ev.get("lon").isNull()).isTrue();
            assertThat(ev.get("altitude_m").isNull()).isTrue();
            assertThat(ev.get("callsign").isNull()).isTrue();
            assertThat(ev.get("details").size()).isZero();
        }
    }

    @Test
    void msgpackCarriesTheSameKeysAndValues() {
        JsonNode f = MsgpackTree.read(EventFrames.encode(WireFormat.MSGPACK, 1_700_000_021_000L, event(47.45, 1200.0)));
        assertThat(f.get("type").asString()).isEqualTo("event");
        JsonNode e = f.get("event");
        assertThat(e.get("id").asString()).isEqualTo("4b1805");
        assertThat(e.get("lat").asDouble()).isCloseTo(47.45, org.assertj.core.data.Offset.offset(1e-5)); // float32
        assertThat(e.get("details").get("vertical_rate_fpm").asLong()).isEqualTo(-7200);
        assertThat(e.get("details").get("unknown").isNull()).isTrue();
    }
}
