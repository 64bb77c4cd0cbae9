package io.skysentinel.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a push client rebuilds from snapshot + delta frames, checking that seq rises by exactly one per frame. */
final class ClientPicture {
    final Map<String, JsonNode> aircraft = new HashMap<>();
    long seq = -1;
    long hubSeq = -1;
    int snapshots, deltas;

    void apply(JsonNode frame) {
        switch (frame.get("type").asString()) {
            case "snapshot" -> {
                aircraft.clear();
                frame.get("aircraft").forEach(a -> aircraft.put(a.get("id").asString(), a));
                snapshots++;
            }
            case "delta" -> {
                assertThat(frame.get("seq").asLong())
                        .as("delta seq follows the last frame's")
                        .isEqualTo(seq + 1);
                frame.get("removals").forEach(r -> aircraft.remove(r.asString()));
                frame.get("upserts").forEach(a -> aircraft.put(a.get("id").asString(), a));
                deltas++;
            }
            default -> {
                return;
            }
        }
        seq = frame.get("seq").asLong();
        hubSeq = frame.get("hub_seq").asLong();
    }
}
