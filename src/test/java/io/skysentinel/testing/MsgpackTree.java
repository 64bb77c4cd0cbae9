package io.skysentinel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Decodes a MessagePack frame into a Jackson tree, so tests assert on both formats the same way. */
public final class MsgpackTree {
    private MsgpackTree() {}

    public static JsonNode read(byte[] bytes) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            JsonNode node = toNode(u.unpackValue());
            if (u.hasNext()) throw new IllegalStateException("trailing bytes after the frame");
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode toNode(Value v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v.getValueType()) {
            case NIL -> f.nullNode();
            case BOOLEAN -> f.booleanNode(v.asBooleanValue().getBoolean());
            case INTEGER -> f.numberNode(v.asIntegerValue().toLong());
            case FLOAT -> f.numberNode(v.asFloatValue().toDouble());
            case STRING -> f.stringNode(v.asStringValue().asString());
            case ARRAY -> {
                ArrayNode a = f.arrayNode();
                v.asArrayValue().forEach(x -> a.add(toNode(x)));
                yield a;
            }
            case MAP -> {
                ObjectNode o = f.objectNode();
                for (Map.Entry<Value, Value> e : v.asMapValue().entrySet())
                    o.set(e.getKey().asStringValue().asString(), toNode(e.getValue()));
                yield o;
            }
            default -> throw new IllegalArgumentException("unexpected msgpack type " + v.getValueType());
        };
    }
}
