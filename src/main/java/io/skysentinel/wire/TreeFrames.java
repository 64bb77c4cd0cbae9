package io.skysentinel.wire;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A push frame carrying a JSON document as it is, in either format: {@code {"type": …, "time": …, <key>: <tree>}}.
 * For payloads whose layout is documented elsewhere (the {@code alert} frame carries the webhook body of
 * docs/alerts.md), so the two never drift apart. Integral numbers stay integers; others are float64.
 */
public final class TreeFrames {

    private static final WireName TYPE = WireName.of("type");
    private static final WireName TIME = WireName.of("time");

    private TreeFrames() {}

    /** @param timeMs server wall clock when the frame is produced, epoch ms */
    public static byte[] encode(WireFormat format, String type, long timeMs, String key, JsonNode tree) {
        WireFormat plain = format.plain();
        try (StructWriter w = plain == WireFormat.JSON ? new JsonStructWriter(1024) : new MsgpackStructWriter(1024)) {
            w.beginObject(3);
            w.key(TYPE);
            w.string(type);
            w.key(TIME);
            w.number(timeMs);
            w.key(WireName.of(key));
            write(w, tree);
            w.endObject();
            return format.finish(w.toBytes());
        }
    }

    private static void write(StructWriter w, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) w.nil();
        else if (n.isObject()) {
            w.beginObject(n.size());
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                w.key(WireName.of(e.getKey()));
                write(w, e.getValue());
            }
            w.endObject();
        } else if (n.isArray()) {
            w.beginArray(n.size());
            for (JsonNode e : n.values()) write(w, e);
            w.endArray();
        } else if (n.isBoolean()) w.bool(n.booleanValue());
        else if (n.isIntegralNumber() && n.canConvertToLong()) w.number(n.longValue());
        else if (n.isNumber()) w.number(n.doubleValue());
        else w.string(n.asString());
    }
}
