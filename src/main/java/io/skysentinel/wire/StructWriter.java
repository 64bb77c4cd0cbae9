package io.skysentinel.wire;

/**
 * The structural operations both wire formats share, so that {@link FrameLayout} and {@link AircraftLayout} define
 * each frame once and the format only decides the bytes. Sizes are declared up front because MessagePack map and
 * array headers carry them; JSON ignores them. One writer produces one frame on one thread.
 */
interface StructWriter extends AutoCloseable {

    /** Starts an object of exactly {@code entries} keys. */
    void beginObject(int entries);

    void endObject();

    /** Starts an array of exactly {@code elements} values. */
    void beginArray(int elements);

    void endArray();

    void key(WireName key);

    /** A constant string value such as a frame type. */
    void string(WireName value);

    /** A string value; null is written as null. */
    void string(String value);

    void number(long value);

    void number(double value);

    /** A latitude or longitude in degrees; MessagePack narrows it to float32 (documented in docs/websocket.md). */
    void coordinate(double degrees);

    void bool(boolean value);

    void nil();

    /** Finishes the frame and returns its bytes; the writer is unusable afterwards. */
    byte[] toBytes();

    /** Releases buffers; safe after {@link #toBytes()} and after a failure half-way through a frame. */
    @Override
    void close();

    default void numberOrNull(Double value) {
        if (value == null) nil();
        else number(value.doubleValue());
    }

    default void numberOrNull(Long value) {
        if (value == null) nil();
        else number(value.longValue());
    }

    default void numberOrNull(Integer value) {
        if (value == null) nil();
        else number(value.longValue());
    }
}
