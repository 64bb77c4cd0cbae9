package io.skysentinel.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * A key or constant string value of the frame layout, encoded once for both formats: every frame repeats the same
 * 18 aircraft keys thousands of times, so neither writer should re-encode them on every use.
 */
final class WireName {

    private final String text;
    private final SerializableString json;
    private final byte[] msgpack;

    private WireName(String text) {
        this.text = text;
        this.json = new SerializedString(text);
        this.msgpack = packString(text);
    }

    static WireName of(String text) {
        return new WireName(text);
    }

    String text() {
        return text;
    }

    /** The quoted, escaped UTF-8 form; Jackson caches it inside the {@link SerializedString}. */
    SerializableString json() {
        return json;
    }

    /** The complete msgpack str (header and UTF-8 bytes); callers must not modify it. */
    byte[] msgpack() {
        return msgpack;
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] packString(String text) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packString(text);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
