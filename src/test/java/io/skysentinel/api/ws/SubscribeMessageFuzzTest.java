package io.skysentinel.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.testing.Fuzz;
import io.skysentinel.testing.HostileJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Property-based fuzzing of /ws/flights client messages (issue 13): whatever a client sends, the answer is a filter or
 * an error frame of bounded length, never an exception that closes the connection with 1011.
 */
class SubscribeMessageFuzzTest {

    static final List<String> KEYS =
            List.of("type", "filter", "bbox", "min_altitude_m", "max_altitude_m", "on_ground", "callsign");
    static final List<JsonNode> VALID = List.of(
            HostileJson.JSON.readTree("{\"type\":\"subscribe\",\"filter\":{\"bbox\":[45.8,5.9,47.8,10.5],"
                    + "\"min_altitude_m\":1000,\"max_altitude_m\":12000,\"on_ground\":false,\"callsign\":\"swr\"}}"),
            HostileJson.JSON.readTree("{\"type\":\"subscribe\",\"filter\":{\"bbox\":[-10,170,10,-170]}}"),
            HostileJson.JSON.readTree("{\"type\":\"subscribe\",\"filter\":null}"));

    final tools.jackson.databind.json.JsonMapper json = HostileJson.JSON;

    @Test
    void anyTextGivesAFilterOrABoundedErrorMessage() {
        Fuzz.forAll(2_000, r -> {
            String text = switch (r.nextInt(6)) {
                case 0 -> new String(HostileJson.randomBytes(r), StandardCharsets.UTF_8);
                case 1 -> new String(HostileJson.deepNesting(r), StandardCharsets.UTF_8);
                case 2 -> HostileJson.value(r, 4, KEYS).toString();
                case 3 ->
                    new String(
                            HostileJson.corrupt(HostileJson.bytes(VALID.get(r.nextInt(VALID.size()))), r),
                            StandardCharsets.UTF_8);
                default ->
                    HostileJson.mutate(VALID.get(r.nextInt(VALID.size())), r, KEYS)
                            .toString();
            };
            ViewFilter f;
            try {
                f = SubscribeMessage.parse(json, text, 1.0);
            } catch (SubscribeMessage.InvalidMessageException e) {
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(300);
                return;
            }
            if (f.minAltitudeM() != null && f.maxAltitudeM() != null)
                assertThat(f.minAltitudeM()).isLessThanOrEqualTo(f.maxAltitudeM());
            if (f.box() != null) {
                assertThat(f.box().lamin()).isBetween(-90.0, 90.0);
                assertThat(f.box().lamax()).isBetween(-90.0, 90.0);
                assertThat(f.box().lomin()).isBetween(-180.0, 180.0);
                assertThat(f.box().lomax()).isBetween(-180.0, 180.0);
            }
        });
    }

    @Test
    void theDocumentedMessagesStillSubscribe() {
        assertThat(SubscribeMessage.parse(json, VALID.get(0).toString(), 1.0).callsign())
                .isEqualTo("SWR");
        assertThat(SubscribeMessage.parse(json, VALID.get(2).toString(), 1.0)).isEqualTo(ViewFilter.ALL);
    }
}
