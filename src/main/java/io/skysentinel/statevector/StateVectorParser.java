package io.skysentinel.statevector;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Position;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams an OpenSky {@code /states/all} body into {@link Aircraft} without building a tree: a global body of
 * ~12,000 rows is parsed in a few milliseconds (see docs/benchmarks.md).
 *
 * <p>Rows have 17 columns, or 18 with {@code extended=1} (the last is {@code category}); the length decides.
 * Nulls are normal in most columns; callsigns arrive space-padded and are trimmed (empty becomes null). A bad
 * row is skipped and counted; a bad body (not JSON, truncated, no {@code time}) throws
 * {@link MalformedBodyException}. Thread-safe.
 */
public final class StateVectorParser {

    private static final int MAX_ROW_ERRORS_KEPT = 5;
    private static final Pattern ICAO24 = Pattern.compile("[0-9a-f]{6}");

    private final JsonFactory factory = new JsonFactory();

    public StatesBody parse(byte[] body, String sourceName) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), body)) {
            return readBody(p, sourceName);
        } catch (JacksonException e) {
            throw new MalformedBodyException("not a valid states body: " + e.getOriginalMessage(), e);
        }
    }

    private StatesBody readBody(JsonParser p, String sourceName) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new MalformedBodyException("body is not a JSON object");
        Long time = null;
        List<Aircraft> aircraft = new ArrayList<>();
        RowErrors errors = new RowErrors();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("time".equals(name)) {
                if (value != JsonToken.VALUE_NUMBER_INT) throw new MalformedBodyException("'time' is not an integer");
                time = p.getLongValue();
            } else if ("states".equals(name)) {
                if (value == JsonToken.START_ARRAY) readRows(p, sourceName, aircraft, errors);
                else if (value != JsonToken.VALUE_NULL) throw new MalformedBodyException("'states' is not an array");
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) throw new MalformedBodyException("body does not end where expected");
        if (p.nextToken() != null) throw new MalformedBodyException("trailing content after the body");
        if (time == null) throw new MalformedBodyException("body has no 'time'");
        return new StatesBody(time, aircraft, errors.count, List.copyOf(errors.kept));
    }

    private void readRows(JsonParser p, String sourceName, List<Aircraft> out, RowErrors errors) {
        Object[] cells = new Object[19];
        int rowIndex = 1; // 1-based in messages: "row 1" is the first row
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new MalformedBodyException("truncated inside 'states'");
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                errors.add(rowIndex++, "row is not an array");
                continue;
            }
            int n = readCells(p, cells);
            try {
                out.add(toAircraft(cells, n, sourceName));
            } catch (RowException e) {
                errors.add(rowIndex, e.getMessage());
            }
            rowIndex++;
        }
    }

    /** Reads one row's scalars into {@code cells}; nested arrays (sensors) become int lists. Returns the length. */
    private static int readCells(JsonParser p, Object[] cells) {
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new MalformedBodyException("truncated inside a row");
            Object v = switch (t) {
                case VALUE_NULL -> null;
                case VALUE_STRING -> p.getString();
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Bad.VALUE : p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case START_ARRAY -> readIntArray(p);
                default -> { p.skipChildren(); yield Bad.VALUE; }
            };
            if (n < cells.length) cells[n] = v;
            n++;
        }
        return n;
    }

    /** Reads the sensors array to its end even when an element is bad, so the parser keeps its place. */
    private static Object readIntArray(JsonParser p) {
        List<Integer> ids = new ArrayList<>();
        boolean bad = false;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new MalformedBodyException("truncated inside a row");
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) ids.add(p.getIntValue());
            else { p.skipChildren(); bad = true; }
        }
        return bad ? Bad.VALUE : ids;
    }

    private static Aircraft toAircraft(Object[] c, int n, String sourceName) {
        if (n != 17 && n != 18) throw new RowException("row has " + n + " columns, expected 17 or 18");
        String icao24 = str(c, 0, "icao24");
        if (icao24 == null) throw new RowException("icao24 is null");
        icao24 = icao24.trim().toLowerCase();
        if (!ICAO24.matcher(icao24).matches()) throw new RowException("icao24 '" + icao24 + "' is not 6 hex digits");
        Long lastContact = lng(c, 4, "last_contact");
        if (lastContact == null) throw new RowException("last_contact is null");
        Double lon = dbl(c, 5, "longitude");
        Double lat = dbl(c, 6, "latitude");
        Position position = null;
        if (lon != null && lat != null) {
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new RowException("position out of range");
            position = new Position(lat, lon);
        }
        String callsign = str(c, 1, "callsign");
        if (callsign != null) {
            callsign = callsign.strip();
            if (callsign.isEmpty()) callsign = null;
        }
        Long positionSource = lng(c, 16, "position_source");
        Long category = n == 18 ? lng(c, 17, "category") : null;
        return new Aircraft(icao24, callsign, str(c, 2, "origin_country"), position,
                dbl(c, 7, "baro_altitude"), dbl(c, 13, "geo_altitude"), dbl(c, 9, "velocity"),
                dbl(c, 10, "true_track"), dbl(c, 11, "vertical_rate"), bool(c, 8, "on_ground"),
                blankToNull(str(c, 14, "squawk")), bool(c, 15, "spi"),
                positionSource == null ? null : positionSource.intValue(),
                category == null ? null : category.intValue(), lng(c, 3, "time_position"), lastContact,
                sensors(c, 12), sourceName);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String str(Object[] c, int i, String name) {
        Object v = c[i];
        if (v == null || v instanceof String) return (String) v;
        throw new RowException(name + " is not a string");
    }

    private static Double dbl(Object[] c, int i, String name) {
        Object v = c[i];
        if (v == null) return null;
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw new RowException(name + " is not finite");
            return d;
        }
        if (v instanceof Long l) return l.doubleValue();
        throw new RowException(name + " is not a number");
    }

    private static Long lng(Object[] c, int i, String name) {
        Object v = c[i];
        if (v == null || v instanceof Long) return (Long) v;
        // OpenSky sends whole numbers, but a float with no fraction is harmless.
        if (v instanceof Double d && d == Math.rint(d)) return d.longValue();
        throw new RowException(name + " is not an integer");
    }

    private static boolean bool(Object[] c, int i, String name) {
        Object v = c[i];
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new RowException(name + " is not a boolean");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> sensors(Object[] c, int i) {
        Object v = c[i];
        if (v == null || v instanceof List) return (List<Integer>) v;
        throw new RowException("sensors is not an array of integers");
    }

    private enum Bad { VALUE }

    private static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class RowErrors {
        int count;
        final List<String> kept = new ArrayList<>();

        void add(int row, String reason) {
            count++;
            if (kept.size() < MAX_ROW_ERRORS_KEPT) kept.add("row " + row + ": " + reason);
        }
    }
}
