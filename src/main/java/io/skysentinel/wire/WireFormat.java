package io.skysentinel.wire;

import java.util.Locale;

/** How frames are serialised on a push connection: JSON text frames (default) or MessagePack binary frames. */
public enum WireFormat {
    JSON, MSGPACK;

    /** Parses the {@code format} query parameter; null or blank means JSON. */
    public static WireFormat parse(String text) {
        if (text == null || text.isBlank()) return JSON;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "msgpack", "messagepack" -> MSGPACK;
            default -> throw new IllegalArgumentException("format must be json or msgpack, not '" + text + "'");
        };
    }

    /** True for binary WebSocket frames. */
    public boolean binary() {
        return this == MSGPACK;
    }
}
