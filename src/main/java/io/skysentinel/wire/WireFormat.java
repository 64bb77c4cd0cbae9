package io.skysentinel.wire;

import java.util.Locale;

/**
 * How frames are serialised on a push connection: JSON text frames (default) or MessagePack binary frames, each
 * optionally deflated. A deflated format sends every frame as a binary frame holding one zlib stream (RFC 1950) of
 * the plain format's bytes, compressed once per frame and shared like any other frame. Browsers inflate it with
 * their built-in {@code DecompressionStream("deflate")}. It exists because most of a frame is the same keys repeated
 * for every aircraft: deflate cuts a whole-world MessagePack delta to about a third.
 */
public enum WireFormat {
    JSON,
    MSGPACK,
    JSON_DEFLATE,
    MSGPACK_DEFLATE;

    /** Parses the {@code format} query parameter; null or blank means JSON. */
    public static WireFormat parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses the {@code format} and {@code compress} query parameters; null or blank mean JSON and none.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static WireFormat parse(String format, String compress) {
        boolean msgpack = switch (format == null || format.isBlank()
                ? "json"
                : format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "msgpack", "messagepack" -> true;
            default -> throw new IllegalArgumentException("format must be json or msgpack, not '" + format + "'");
        };
        boolean deflate = switch (compress == null || compress.isBlank()
                ? "none"
                : compress.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "deflate" -> true;
            default -> throw new IllegalArgumentException("compress must be none or deflate, not '" + compress + "'");
        };
        if (msgpack) return deflate ? MSGPACK_DEFLATE : MSGPACK;
        return deflate ? JSON_DEFLATE : JSON;
    }

    /** True for binary WebSocket frames. */
    public boolean binary() {
        return this != JSON;
    }

    public boolean deflated() {
        return this == JSON_DEFLATE || this == MSGPACK_DEFLATE;
    }

    /** The bytes to send for a frame serialised in {@link #plain()}: deflated for the deflated formats. */
    public byte[] finish(byte[] plainFrame) {
        return deflated() ? DeflatingFrameEncoder.deflate(plainFrame) : plainFrame;
    }

    /** The serialisation before compression. */
    public WireFormat plain() {
        return switch (this) {
            case JSON, JSON_DEFLATE -> JSON;
            case MSGPACK, MSGPACK_DEFLATE -> MSGPACK;
        };
    }
}
