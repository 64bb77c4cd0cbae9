package io.skysentinel.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile inputs for parsers: random JSON built from a format's own field names (so it gets past the first checks),
 * structure-aware mutations of valid documents (a value of the wrong type, a field removed, an element repeated) and
 * byte-level damage (truncation, flipped bytes, junk inserted). The values are the ones that break parsers: extreme
 * numbers and instants, empty and huge strings, URLs of every scheme.
 */
public final class HostileJson {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final String[] STRINGS = {
        "",
        " ",
        "null",
        "NaN",
        "Infinity",
        "-0",
        "0",
        "\u0000",
        "\t\n",
        "é✈",
        "abc123",
        "ABC123",
        " abc123 ",
        "zzzzzz",
        "4b1815",
        "vatsim-1",
        "vatsim-",
        "-",
        "DAL1  ",
        "EDDF_TWR",
        "EDDF TWR",
        "1200",
        "7700",
        "B738/M-SDE2",
        "H/B744/L",
        "FL350",
        "99999",
        "N0450",
        "118.500",
        "199.998",
        "1970-01-01T00:00:00Z",
        "2024-11-21T12:57:25.123Z",
        "2024-11-21T12:57:25.1234567Z",
        "2024-13-40T99:99:99Z",
        "9999-12-31T23:59:59Z",
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "+292278994-08-17T07:12:55.807Z",
        "https://data.vatsim.net/v3/vatsim-data.json",
        "http://localhost:1/feed",
        "ftp://x/y",
        "file:///etc/passwd",
        "http://",
        "://",
        "http:// bad host/",
        "'; DROP TABLE positions; --",
        "<script>alert(1)</script>",
        "%00",
        "flight_state",
        "flight_update",
        "flight_removal",
        "stale",
        "left_feed",
        "upstream",
        "subscribe",
        "opensky",
        "sim",
        "replay"
    };
    private static final Object[] NUMBERS = {
        0L,
        -1L,
        1L,
        2L,
        17L,
        18L,
        90L,
        180L,
        181L,
        360L,
        5000L,
        5001L,
        (long) Integer.MAX_VALUE,
        (long) Integer.MIN_VALUE,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        1_700_000_000L,
        1_700_000_000_000L,
        new BigInteger("9223372036854775808"),
        new BigInteger("1" + "0".repeat(40)),
        1e308,
        -1e308,
        4.9e-324,
        0.5,
        -0.0,
        90.0000001,
        -180.5,
        3.4e38,
        new BigDecimal("1e400"),
        new BigDecimal("-1e-400"),
        1.5,
        47.45,
        8.55
    };

    private HostileJson() {}

    /** A random JSON value whose object keys come mostly from {@code keys}, at most {@code depth} levels deep. */
    public static JsonNode value(Random r, int depth, List<String> keys) {
        int kind = r.nextInt(depth <= 0 ? 4 : 6);
        return switch (kind) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(r.nextBoolean());
            case 2 -> number(r);
            case 3 -> F.stringNode(string(r));
            case 4 -> {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(r.nextInt(10) == 0 ? 40 : 6);
                for (int i = 0; i < n; i++) a.add(value(r, depth - 1, keys));
                yield a;
            }
            default -> object(r, depth, keys);
        };
    }

    /** A random object with keys mostly from {@code keys}. */
    public static ObjectNode object(Random r, int depth, List<String> keys) {
        ObjectNode o = F.objectNode();
        int n = r.nextInt(Math.max(2, keys.size() + 2));
        for (int i = 0; i < n; i++) o.set(key(r, keys), value(r, depth - 1, keys));
        return o;
    }

    public static String string(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "x".repeat(r.nextInt(5) == 0 ? 100_000 : 300);
            case 1 -> randomText(r, r.nextInt(20));
            default -> STRINGS[r.nextInt(STRINGS.length)];
        };
    }

    private static JsonNode number(Random r) {
        Object n = NUMBERS[r.nextInt(NUMBERS.length)];
        if (r.nextInt(4) == 0) return F.numberNode(r.nextDouble() * 400 - 200);
        return switch (n) {
            case Long l -> F.numberNode(l);
            case Double d -> F.numberNode(d);
            case BigInteger b -> F.numberNode(b);
            case BigDecimal b -> F.numberNode(b);
            default -> throw new IllegalStateException();
        };
    }

    private static String key(Random r, List<String> keys) {
        if (r.nextInt(40) == 0) return "k".repeat(2_000); // a key that an error message must not echo whole
        return keys.isEmpty() || r.nextInt(6) == 0 ? randomText(r, 1 + r.nextInt(8)) : keys.get(r.nextInt(keys.size()));
    }

    private static String randomText(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append((char) (r.nextInt(4) == 0 ? r.nextInt(0xD7FF) : 0x20 + r.nextInt(95)));
        return s.toString();
    }

    /** A copy of {@code doc} with one to four random structural changes. */
    public static JsonNode mutate(JsonNode doc, Random r, List<String> keys) {
        JsonNode copy = doc.deepCopy();
        int changes = 1 + r.nextInt(4);
        for (int c = 0; c < changes; c++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(copy, containers);
            if (containers.isEmpty()) return value(r, 3, keys);
            JsonNode target = containers.get(r.nextInt(containers.size()));
            if (target instanceof ObjectNode o) mutateObject(o, r, keys);
            else mutateArray((ArrayNode) target, r, keys);
        }
        return copy;
    }

    private static void mutateObject(ObjectNode o, Random r, List<String> keys) {
        List<String> names = new ArrayList<>(o.propertyNames());
        if (names.isEmpty() || r.nextInt(4) == 0) {
            o.set(key(r, keys), value(r, 2, keys));
            return;
        }
        String name = names.get(r.nextInt(names.size()));
        if (r.nextInt(3) == 0) o.remove(name);
        else o.set(name, value(r, 2, keys));
    }

    private static void mutateArray(ArrayNode a, Random r, List<String> keys) {
        if (a.isEmpty() || r.nextInt(5) == 0) {
            a.add(value(r, 2, keys));
            return;
        }
        int i = r.nextInt(a.size());
        switch (r.nextInt(4)) {
            case 0 -> a.remove(i);
            case 1 -> {
                for (int k = 0; k < 1 + r.nextInt(5); k++) a.insert(i, a.get(i).deepCopy()); // a duplicate entry
            }
            default -> a.set(i, value(r, 2, keys));
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (!n.isContainer()) return;
        out.add(n);
        for (JsonNode child : n.values()) collect(child, out);
    }

    public static byte[] bytes(JsonNode doc) {
        return JSON.writeValueAsBytes(doc);
    }

    /** {@code body} damaged at the byte level: cut short, bytes flipped, a range dropped or repeated, junk added. */
    public static byte[] corrupt(byte[] body, Random r) {
        if (body.length == 0) return junk(r);
        int at = r.nextInt(body.length);
        return switch (r.nextInt(5)) {
            case 0 -> Arrays.copyOf(body, at);
            case 1 -> {
                byte[] b = body.clone();
                for (int k = 0; k < 1 + r.nextInt(8); k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                yield b;
            }
            case 2 ->
                concat(
                        Arrays.copyOf(body, at),
                        Arrays.copyOfRange(body, Math.min(body.length, at + 1 + r.nextInt(50)), body.length));
            case 3 -> concat(Arrays.copyOf(body, at), junk(r), Arrays.copyOfRange(body, at, body.length));
            default -> concat(Arrays.copyOf(body, at), Arrays.copyOfRange(body, r.nextInt(at + 1), body.length));
        };
    }

    private static final String[] JUNK = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\u0000", "1e99999", "[[[[[["
    };

    private static byte[] junk(Random r) {
        if (r.nextBoolean()) {
            byte[] b = new byte[r.nextInt(64)];
            r.nextBytes(b);
            return b;
        }
        return JUNK[r.nextInt(JUNK.length)].getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes, sometimes starting like JSON. */
    public static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(512)];
        r.nextBytes(b);
        if (b.length > 0 && r.nextBoolean()) b[0] = (byte) (r.nextBoolean() ? '{' : '[');
        return b;
    }

    /** Nesting deeper than any parser should follow: {@code [[[[…} or {@code {"a":{"a":…}. */
    public static byte[] deepNesting(Random r) {
        int depth = 1_000 + r.nextInt(100_000);
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        return (open.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
