package io.skysentinel.statevector;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.OpenSkyExtras;
import io.skysentinel.core.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One row's cells, reused row after row. Numbers are kept unboxed (a global body has ~12,000 rows, and boxing
 * every cell doubled the garbage per poll); only the values an {@link Aircraft} keeps are boxed.
 */
final class StateRow {
    private static final byte NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, INTS = 6, BAD = 7;
    private static final int MAX = 19;
    /** The extras of nearly every row (ADS-B, no sensor list): shared rather than allocated 12,000 times a poll. */
    private static final OpenSkyExtras ADSB_WITHOUT_SENSORS = new OpenSkyExtras(0, null);

    private final byte[] kind = new byte[MAX];
    private final long[] longs = new long[MAX];
    private final double[] doubles = new double[MAX];
    private final Object[] refs = new Object[MAX];
    private int n;

    void read(JsonParser p) {
        n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new MalformedBodyException("truncated inside a row");
            if (n >= MAX) {
                p.skipChildren();
                n++;
                continue;
            }
            int i = n++;
            refs[i] = null;
            switch (t) {
                case VALUE_NULL -> kind[i] = NULL;
                case VALUE_STRING -> {
                    kind[i] = STRING;
                    refs[i] = p.getString();
                }
                case VALUE_NUMBER_INT -> {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) kind[i] = BAD;
                    else {
                        kind[i] = LONG;
                        longs[i] = p.getLongValue();
                    }
                }
                case VALUE_NUMBER_FLOAT -> {
                    kind[i] = DOUBLE;
                    doubles[i] = p.getDoubleValue();
                }
                case VALUE_TRUE -> kind[i] = TRUE;
                case VALUE_FALSE -> kind[i] = FALSE;
                case START_ARRAY -> {
                    List<Integer> ids = readIntArray(p);
                    kind[i] = ids == null ? BAD : INTS;
                    refs[i] = ids;
                }
                default -> {
                    p.skipChildren();
                    kind[i] = BAD;
                }
            }
        }
    }

    /** Reads the sensors array to its end even when an element is bad, so the parser keeps its place. */
    private static List<Integer> readIntArray(JsonParser p) {
        List<Integer> ids = new ArrayList<>();
        boolean bad = false;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new MalformedBodyException("truncated inside a row");
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT)
                ids.add(p.getIntValue());
            else {
                p.skipChildren();
                bad = true;
            }
        }
        return bad ? null : ids;
    }

    Aircraft toAircraft(String sourceName) {
        if (n != 17 && n != 18) throw new RowException("row has " + n + " columns, expected 17 or 18");
        String icao24 = str(0, "icao24");
        if (icao24 == null) throw new RowException("icao24 is null");
        icao24 = normaliseIcao24(icao24);
        if (kind[4] == NULL) throw new RowException("last_contact is null");
        long lastContact = lng(4, "last_contact");
        Position position = null;
        if (kind[5] != NULL && kind[6] != NULL) {
            double lon = num(5, "longitude"), lat = num(6, "latitude");
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new RowException("position out of range");
            position = new Position(lat, lon);
        } else {
            num(5, "longitude"); // still reject a wrong type when the other half is null
            num(6, "latitude");
        }
        String callsign = str(1, "callsign");
        if (callsign != null) {
            callsign = callsign.strip();
            if (callsign.isEmpty()) callsign = null;
        }
        Integer positionSource = kind[16] == NULL ? null : (int) lng(16, "position_source");
        Integer category = n == 18 && kind[17] != NULL ? (int) lng(17, "category") : null;
        List<Integer> sensors = sensors(12);
        OpenSkyExtras extras = sensors == null && positionSource != null && positionSource == 0
                ? ADSB_WITHOUT_SENSORS
                : new OpenSkyExtras(positionSource, sensors);
        return new Aircraft(
                icao24,
                icao24,
                callsign,
                str(2, "origin_country"),
                position,
                dbl(7, "baro_altitude"),
                dbl(13, "geo_altitude"),
                dbl(9, "velocity"),
                dbl(10, "true_track"),
                dbl(11, "vertical_rate"),
                bool(8, "on_ground"),
                blankToNull(str(14, "squawk")),
                bool(15, "spi"),
                category,
                kind[3] == NULL ? null : lng(3, "time_position"),
                lastContact,
                sourceName,
                extras,
                null,
                null);
    }

    private String str(int i, String name) {
        if (kind[i] == NULL) return null;
        if (kind[i] == STRING) return (String) refs[i];
        throw new RowException(name + " is not a string");
    }

    private double num(int i, String name) {
        return switch (kind[i]) {
            case NULL -> Double.NaN;
            case DOUBLE -> {
                if (!Double.isFinite(doubles[i])) throw new RowException(name + " is not finite");
                yield doubles[i];
            }
            case LONG -> longs[i];
            default -> throw new RowException(name + " is not a number");
        };
    }

    private Double dbl(int i, String name) {
        return kind[i] == NULL ? null : num(i, name);
    }

    private long lng(int i, String name) {
        if (kind[i] == LONG) return longs[i];
        // OpenSky sends whole numbers, but a float with no fraction is harmless.
        if (kind[i] == DOUBLE && doubles[i] == Math.rint(doubles[i])) return (long) doubles[i];
        throw new RowException(name + " is not an integer");
    }

    private boolean bool(int i, String name) {
        return switch (kind[i]) {
            case NULL, FALSE -> false;
            case TRUE -> true;
            default -> throw new RowException(name + " is not a boolean");
        };
    }

    @SuppressWarnings("unchecked")
    private List<Integer> sensors(int i) {
        if (kind[i] == NULL) return null;
        if (kind[i] == INTS) return (List<Integer>) refs[i];
        throw new RowException("sensors is not an array of integers");
    }

    /** Lower-cases and checks an ICAO 24-bit address without a regex (this runs once per row). */
    static String normaliseIcao24(String raw) {
        String s = raw.length() == 6 ? raw : raw.strip();
        if (s.length() != 6) throw new RowException("icao24 '" + quoted(raw) + "' is not 6 hex digits");
        boolean upper = false;
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'F') upper = true;
            else if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f'))
                throw new RowException("icao24 '" + quoted(raw) + "' is not 6 hex digits");
        }
        return upper ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** At most 20 characters of a bad value: row errors go into logs, and a hostile body's cell can be megabytes. */
    private static String quoted(String raw) {
        return raw.length() <= 20 ? raw : raw.substring(0, 20) + "…(" + raw.length() + " chars)";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
