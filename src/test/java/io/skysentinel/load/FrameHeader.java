package io.skysentinel.load;

import java.io.IOException;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;

/**
 * The few top-level fields of a push frame the load tool measures with — {@code type}, {@code seq}, {@code time} —
 * read from the first bytes of the frame without decoding the rest. Both peeks work on a prefix: they return
 * {@code null} when the prefix ends before the fields were found (feed more bytes and call again), and never look
 * further than needed. Keys are looked up by name, in any order; values before them (even arrays) are skipped as
 * long as they lie inside the prefix.
 *
 * @param seq    {@link #NONE} for frames without one (status, error)
 * @param timeMs {@link #NONE} when the frame had no {@code time}
 */
public record FrameHeader(String type, long seq, long timeMs) {

    public static final long NONE = Long.MIN_VALUE;
    private static final JsonFactory JSON = new JsonFactory();

    /** True when nothing more is needed: a snapshot/delta needs type, seq and time; other frames type and time. */
    private static boolean complete(String type, long seq, long time) {
        if (type == null || time == NONE) return false;
        return seq != NONE || !(type.equals("snapshot") || type.equals("delta"));
    }

    /**
     * Peeks a MessagePack frame (a map with str keys).
     *
     * @return the header, or null when {@code len} bytes are not enough
     * @throws IllegalArgumentException when the bytes are not a MessagePack map with str keys
     */
    public static FrameHeader peekMsgpack(byte[] buf, int off, int len) {
        String type = null;
        long seq = NONE, time = NONE;
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(buf, off, len)) {
            if (!u.hasNext()) return null;
            if (u.getNextFormat().getValueType() != ValueType.MAP)
                throw new IllegalArgumentException("frame is not a map");
            int n = u.unpackMapHeader();
            for (int i = 0; i < n; i++) {
                if (u.getNextFormat().getValueType() != ValueType.STRING)
                    throw new IllegalArgumentException("non-string key");
                String key = u.unpackString();
                MessageFormat f = u.getNextFormat();
                switch (key) {
                    case "type" -> type = f.getValueType() == ValueType.STRING ? u.unpackString() : skipNull(u);
                    case "seq" -> seq = f.getValueType() == ValueType.INTEGER ? u.unpackLong() : skipLong(u);
                    case "time" -> time = f.getValueType() == ValueType.INTEGER ? u.unpackLong() : skipLong(u);
                    default -> u.skipValue();
                }
                if (complete(type, seq, time)) return new FrameHeader(type, seq, time);
            }
            return new FrameHeader(type, seq, time); // all keys read; some fields missing
        } catch (MessageInsufficientBufferException e) {
            return null;
        } catch (IOException | MessagePackException e) {
            throw new IllegalArgumentException("malformed MessagePack frame: " + e, e);
        }
    }

    private static String skipNull(MessageUnpacker u) throws IOException {
        u.skipValue();
        return null;
    }

    private static long skipLong(MessageUnpacker u) throws IOException {
        u.skipValue();
        return NONE;
    }

    /**
     * Peeks a JSON frame (UTF-8 bytes of an object) with Jackson's non-blocking parser, which says "not available"
     * instead of guessing when the prefix ends inside a token (a number cut in half is never taken).
     *
     * @return the header, or null when {@code len} bytes are not enough
     * @throws IllegalArgumentException when the bytes are not a JSON object
     */
    public static FrameHeader peekJson(byte[] buf, int off, int len) {
        String type = null;
        long seq = NONE, time = NONE;
        try (JsonParser p = JSON.createNonBlockingByteArrayParser(ObjectReadContext.empty())) {
            ((ByteArrayFeeder) p.nonBlockingInputFeeder()).feedInput(buf, off, off + len);
            JsonToken t = p.nextToken();
            if (t == JsonToken.NOT_AVAILABLE || t == null) return null;
            if (t != JsonToken.START_OBJECT) throw new IllegalArgumentException("frame is not a JSON object");
            while (true) {
                t = p.nextToken();
                if (t == JsonToken.NOT_AVAILABLE) return null;
                if (t == JsonToken.END_OBJECT) return new FrameHeader(type, seq, time);
                if (t != JsonToken.PROPERTY_NAME) throw new IllegalArgumentException("unexpected " + t);
                String key = p.currentName();
                t = p.nextToken();
                if (t == JsonToken.NOT_AVAILABLE) return null;
                switch (key) {
                    case "type" -> {
                        if (t == JsonToken.VALUE_STRING) type = p.getString();
                    }
                    case "seq" -> {
                        if (t == JsonToken.VALUE_NUMBER_INT) seq = p.getLongValue();
                    }
                    case "time" -> {
                        if (t == JsonToken.VALUE_NUMBER_INT) time = p.getLongValue();
                    }
                    default -> {
                        if (t.isStructStart() && !skip(p)) return null;
                    }
                }
                if (complete(type, seq, time)) return new FrameHeader(type, seq, time);
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON frame: " + e.getOriginalMessage(), e);
        }
    }

    /** Skips the array/object just started; false when the prefix ends first. */
    private static boolean skip(JsonParser p) {
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.NOT_AVAILABLE || t == null) return false;
            if (t.isStructStart()) depth++;
            else if (t.isStructEnd()) depth--;
        }
        return true;
    }
}
