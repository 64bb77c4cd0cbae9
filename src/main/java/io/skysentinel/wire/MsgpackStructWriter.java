package io.skysentinel.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * {@link StructWriter} over msgpack-core: objects become maps with string keys, integers take the smallest msgpack
 * int, doubles float64, coordinates float32, null nil. Map and array headers are written before their content, so
 * the writer counts what follows and fails the frame when it differs from the declared size (a collection that
 * changed while being encoded, or a layout bug) instead of sending bytes no client can decode.
 */
final class MsgpackStructWriter implements StructWriter {

    /** Frames nest at most frame → aircraft array → aircraft → position/sensors. */
    private static final int MAX_DEPTH = 8;

    private final MessageBufferPacker packer;
    private final int[] remaining = new int[MAX_DEPTH];
    private final boolean[] isArray = new boolean[MAX_DEPTH];
    private int depth = -1;

    /**
     * The packer's output takes every further buffer at the same size as the first, so the first is capped: an
     * estimate a little short then costs one more chunk, not a second frame-sized buffer; 256 KiB also stays
     * below G1's humongous-object threshold on small heaps.
     */
    private static final int MAX_CHUNK_BYTES = 256 * 1024;

    /** @param expectedBytes the frame's expected size */
    MsgpackStructWriter(int expectedBytes) {
        int chunk = Math.clamp(expectedBytes, 64, MAX_CHUNK_BYTES);
        packer = new MessagePack.PackerConfig().withBufferSize(chunk).newBufferPacker();
    }

    @Override
    public void beginObject(int entries) {
        value();
        push(entries, false);
        try {
            packer.packMapHeader(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beginArray(int elements) {
        value();
        push(elements, true);
        try {
            packer.packArrayHeader(elements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endObject() {
        pop(false);
    }

    @Override
    public void endArray() {
        pop(true);
    }

    @Override
    public void key(WireName key) {
        if (depth < 0 || isArray[depth]) throw new IllegalStateException("key '" + key + "' outside an object");
        remaining[depth]--;
        raw(key.msgpack());
    }

    @Override
    public void string(WireName value) {
        value();
        raw(value.msgpack());
    }

    @Override
    public void string(String value) {
        value();
        try {
            if (value == null) packer.packNil();
            else packer.packString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(long value) {
        value();
        try {
            packer.packLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(double value) {
        value();
        try {
            packer.packDouble(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void coordinate(double degrees) {
        value();
        try {
            packer.packFloat((float) degrees);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void bool(boolean value) {
        value();
        try {
            packer.packBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void nil() {
        value();
        try {
            packer.packNil();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] toBytes() {
        if (depth >= 0)
            throw new IllegalStateException("frame ended inside an unclosed " + (isArray[depth] ? "array" : "map"));
        return packer.toByteArray();
    }

    @Override
    public void close() {
        packer.clear(); // drops the buffers; MessageBufferPacker.close() would only flush into them
    }

    /** An array element counts when written; a map entry counts at its key. */
    private void value() {
        if (depth >= 0 && isArray[depth]) remaining[depth]--;
    }

    private void push(int size, boolean array) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size);
        if (++depth == MAX_DEPTH) throw new IllegalStateException("nesting deeper than " + MAX_DEPTH);
        remaining[depth] = size;
        isArray[depth] = array;
    }

    private void pop(boolean array) {
        if (depth < 0 || isArray[depth] != array)
            throw new IllegalStateException("unbalanced end of " + (array ? "array" : "map"));
        if (remaining[depth] != 0) {
            throw new IllegalStateException((array ? "array" : "map") + " header off by " + remaining[depth]
                    + " entries from what was written (did a collection change while the frame was encoded?)");
        }
        depth--;
    }

    private void raw(byte[] encoded) {
        try {
            packer.writePayload(encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
