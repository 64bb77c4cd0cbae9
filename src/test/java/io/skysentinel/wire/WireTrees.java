package io.skysentinel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-side decoding of frames into Jackson trees, independent of the encoders: Jackson's parser for JSON and
 * msgpack-core's unpacker for MessagePack. MessagePack float32 becomes a {@code FloatNode} and float64 a
 * {@code DoubleNode}, so tests can see which one was written; integers become int or long nodes as the JSON
 * parser would make them.
 */
final class WireTrees {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The float32 lat/lon tolerance the wire promises. */
    static final double COORDINATE_TOLERANCE_DEG = 1e-5;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireTrees() {}

    static JsonNode decode(WireFormat format, byte[] frame) {
        if (format.deflated()) return decode(format.plain(), io.skysentinel.testing.WsTestClient.inflate(frame));
        return format == WireFormat.JSON ? JSON.readTree(frame) : fromMsgpack(frame);
    }

    static JsonNode fromMsgpack(byte[] frame) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(frame)) {
            JsonNode tree = read(u);
            assertTrue(!u.hasNext(), "trailing bytes after the frame");
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(MessageUnpacker u) throws IOException {
        MessageFormat f = u.getNextFormat();
        switch (f.getValueType()) {
            case NIL -> {
                u.unpackNil();
                return NODES.nullNode();
            }
            case BOOLEAN -> {
                return NODES.booleanNode(u.unpackBoolean());
            }
            case INTEGER -> {
                long v = u.unpackLong();
                return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
            }
            case FLOAT -> {
                return f == MessageFormat.FLOAT32
                        ? NODES.numberNode(u.unpackFloat())
                        : NODES.numberNode(u.unpackDouble());
            }
            case STRING -> {
                return NODES.stringNode(u.unpackString());
            }
            case ARRAY -> {
                int n = u.unpackArrayHeader();
                ArrayNode array = NODES.arrayNode(n);
                for (int i = 0; i < n; i++) array.add(read(u));
                return array;
            }
            case MAP -> {
                int n = u.unpackMapHeader();
                ObjectNode object = NODES.objectNode();
                for (int i = 0; i < n; i++) {
                    MessageFormat keyFormat = u.getNextFormat();
                    if (keyFormat.getValueType() != org.msgpack.value.ValueType.STRING)
                        fail("map key of type " + keyFormat);
                    String key = u.unpackString();
                    if (object.has(key)) fail("duplicate key " + key);
                    object.set(key, read(u));
                }
                return object;
            }
            default -> throw new AssertionError("unexpected msgpack format " + f);
        }
    }

    /** The keys of an object, in order. */
    static List<String> keys(JsonNode object) {
        assertTrue(object.isObject(), () -> "not an object: " + object);
        return new ArrayList<>(object.propertyNames());
    }

    /**
     * Asserts two trees are equal key by key (same keys, same order), reporting the path of the first difference.
     * Numbers must agree in kind (integral or floating); a float32 on either side is compared within
     * {@link #COORDINATE_TOLERANCE_DEG}, everything else exactly.
     */
    static void assertSameTree(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertEquals(keys(expected), keys(actual), path + ": keys");
            for (String k : expected.propertyNames()) assertSameTree(expected.get(k), actual.get(k), path + "." + k);
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + ": not an array: " + actual);
            assertEquals(expected.size(), actual.size(), path + ": size");
            for (int i = 0; i < expected.size(); i++)
                assertSameTree(expected.get(i), actual.get(i), path + "[" + i + "]");
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path + ": not a number: " + actual);
            assertEquals(
                    expected.isIntegralNumber(), actual.isIntegralNumber(), path + ": integral vs floating " + actual);
            if (expected.isIntegralNumber()) {
                assertEquals(expected.longValue(), actual.longValue(), path);
            } else if (expected.isFloat() || actual.isFloat()) {
                assertEquals(expected.doubleValue(), actual.doubleValue(), COORDINATE_TOLERANCE_DEG, path);
            } else {
                assertEquals(expected.doubleValue(), actual.doubleValue(), 0.0, path);
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
