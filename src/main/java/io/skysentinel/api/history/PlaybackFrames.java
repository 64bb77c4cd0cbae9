package io.skysentinel.api.history;

import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.history.TrafficQueries;
import io.skysentinel.wire.EventFrames;
import io.skysentinel.wire.WireFormat;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored event as the live feed's {@code event} frame (docs/history.md#playback): the row back into an
 * {@link AnomalyEvent}, then the wire's own event encoder. The playback progress frame is the wire's too
 * ({@link io.skysentinel.wire.FrameEncoder#playback}).
 */
final class PlaybackFrames {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlaybackFrames() {}

    /** A stored event, in exactly the live feed's event frame (the same encoder). */
    @SuppressWarnings("unchecked")
    static byte[] event(WireFormat f, long nowMs, TrafficQueries.EventRow e) {
        Map<String, Object> details = e.detailsJson() == null ? Map.of() : JSON.readValue(e.detailsJson(), Map.class);
        return EventFrames.encode(
                f,
                nowMs,
                new AnomalyEvent(
                        e.kind(),
                        e.timeMs(),
                        e.id(),
                        e.callsign(),
                        nanIfNull(e.lat()),
                        nanIfNull(e.lon()),
                        nanIfNull(e.altitudeM()),
                        details));
    }

    private static double nanIfNull(Double d) {
        return d == null ? Double.NaN : d;
    }
}
