package io.skysentinel.api.history;

import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.history.TrafficQueries;
import io.skysentinel.wire.EventFrames;
import io.skysentinel.wire.WireFormat;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playback-only frames (docs/history.md#playback, /work shared frame list): {@code playback} progress and the
 * stored {@code event} frames, as JSON text or a MessagePack map with the same keys. Small and rare, so they are
 * built as maps rather than through the streaming wire encoders.
 */
final class PlaybackFrames {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlaybackFrames() { }

    static byte[] playback(WireFormat f, long nowMs, long atMs, PlaybackRequest r, boolean finished) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "playback");
        m.put("time", nowMs);
        m.put("at", atMs);
        m.put("from", r.fromMs());
        m.put("to", r.toMs());
        m.put("speed", r.speed());
        m.put("state", finished ? "finished" : "playing");
        return encode(f, m);
    }

    /** A stored event, in exactly the live feed's event frame (the same encoder). */
    @SuppressWarnings("unchecked")
    static byte[] event(WireFormat f, long nowMs, TrafficQueries.EventRow e) {
        Map<String, Object> details = e.detailsJson() == null ? Map.of() : JSON.readValue(e.detailsJson(), Map.class);
        return EventFrames.encode(f, nowMs, new AnomalyEvent(e.kind(), e.timeMs(), e.id(), e.callsign(), nanIfNull(e.lat()),
                nanIfNull(e.lon()), nanIfNull(e.altitudeM()), details));
    }

    private static double nanIfNull(Double d) {
        return d == null ? Double.NaN : d;
    }

    static byte[] encode(WireFormat f, Map<String, Object> frame) {
        if (f.plain() == WireFormat.JSON) return f.finish(JSON.writeValueAsBytes(frame));
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            pack(p, frame);
            return f.finish(p.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pack(MessageBufferPacker p, Object v) throws IOException {
        switch (v) {
            case null -> p.packNil();
            case String s -> p.packString(s);
            case Boolean b -> p.packBoolean(b);
            case Double d -> p.packDouble(d);
            case Float d -> p.packDouble(d);
            case Number n -> p.packLong(n.longValue());
            case Map<?, ?> m -> {
                p.packMapHeader(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    p.packString(String.valueOf(e.getKey()));
                    pack(p, e.getValue());
                }
            }
            case List<?> l -> {
                p.packArrayHeader(l.size());
                for (Object o : l) pack(p, o);
            }
            default -> p.packString(v.toString());
        }
    }
}
