package io.skysentinel.enrichment;

import io.skysentinel.core.AircraftInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aircraft by icao24, types by ICAO designator, airlines by ICAO code, in memory (docs/enrichment.md). A lookup is one
 * probe of an open-addressing table of 24-bit addresses: no hashing of strings, no boxing. Rows are stored column by
 * column with every repeated string (types, operators, manufacturers) kept once, so a million-row import costs tens
 * of megabytes, not hundreds. Built by {@link Builder}; immutable and thread-safe once built.
 */
public final class AircraftDatabase {

    private final int[] slots; // icao24 + 1 (0: empty), capacity a power of two
    private final int[] slotRow;
    private final String[] registration;
    private final String[] strings; // the dictionary the int columns index, -1 for null
    private final int[] type, manufacturer, model, operator, operatorIcao;
    private final short[] year;
    private final Map<String, AircraftType> types;
    private final String[] airlines; // by the three letters of the ICAO code, as a base-26 number: no allocation
    private final int size;
    private final int airlineCount;

    private AircraftDatabase(Builder b) {
        size = b.rows;
        int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        slots = new int[capacity];
        slotRow = new int[capacity];
        for (int r = 0; r < size; r++) {
            int s = probe(slots, b.icao[r]);
            slots[s] = b.icao[r] + 1;
            slotRow[s] = r;
        }
        registration = Arrays.copyOf(b.registration, size);
        type = Arrays.copyOf(b.type, size);
        manufacturer = Arrays.copyOf(b.manufacturer, size);
        model = Arrays.copyOf(b.model, size);
        operator = Arrays.copyOf(b.operator, size);
        operatorIcao = Arrays.copyOf(b.operatorIcao, size);
        year = Arrays.copyOf(b.year, size);
        strings = b.strings.toArray(String[]::new);
        types = Map.copyOf(b.types);
        airlines = new String[26 * 26 * 26];
        b.airlines.forEach((code, name) ->
                airlines[((code.charAt(0) - 'A') * 26 + code.charAt(1) - 'A') * 26 + code.charAt(2) - 'A'] = name);
        airlineCount = b.airlines.size();
    }

    /** Aircraft known by address. */
    public int size() {
        return size;
    }

    public int typeCount() {
        return types.size();
    }

    public int airlineCount() {
        return airlineCount;
    }

    /**
     * What is known of a flight: the aircraft by its icao24, its type (the aircraft's, else {@code filedType}: a
     * VATSIM flight plan's), the type's wake, engines and species, and the airline its callsign names.
     *
     * @param icao24    hex address, any case, or null (VATSIM)
     * @param callsign  or null
     * @param filedType an ICAO type designator from a flight plan, or null
     */
    public AircraftInfo info(String icao24, String callsign, String filedType) {
        int row = row(icao24);
        String typeCode = row >= 0 ? str(type[row]) : null;
        if (typeCode == null && filedType != null && !filedType.isBlank())
            typeCode = filedType.strip().toUpperCase(Locale.ROOT);
        AircraftType t = typeCode == null ? null : types.get(typeCode);
        String airline = airline(callsign);
        if (row < 0 && t == null && airline == null && typeCode == null) return AircraftInfo.UNKNOWN;
        return new AircraftInfo(
                row >= 0 ? registration[row] : null,
                typeCode,
                first(row >= 0 ? str(manufacturer[row]) : null, t == null ? null : t.manufacturer()),
                first(row >= 0 ? str(model[row]) : null, t == null ? null : t.model()),
                row >= 0 ? str(operator[row]) : null,
                row >= 0 ? str(operatorIcao[row]) : null,
                row >= 0 && year[row] > 0 ? (int) year[row] : null,
                t == null ? null : t.wake(),
                t == null ? null : t.engines(),
                t == null ? null : t.engineType(),
                t == null ? null : t.species(),
                airline);
    }

    public AircraftType type(String code) {
        return code == null ? null : types.get(code.strip().toUpperCase(Locale.ROOT));
    }

    /** The airline named by a callsign's first three letters when a flight number follows (UAL123, DLH4KA). */
    public String airline(String callsign) {
        if (callsign == null) return null;
        int start = 0;
        int n = callsign.length();
        while (start < n && callsign.charAt(start) == ' ') start++;
        if (n - start < 4 || !Character.isDigit(callsign.charAt(start + 3))) return null;
        int index = 0;
        for (int i = start; i < start + 3; i++) {
            int letter = Character.toUpperCase(callsign.charAt(i)) - 'A';
            if (letter < 0 || letter >= 26) return null;
            index = index * 26 + letter;
        }
        return airlines[index];
    }

    private int row(String icao24) {
        int key = Builder.address(icao24);
        if (key < 0) return -1;
        int s = probe(slots, key);
        return slots[s] == 0 ? -1 : slotRow[s];
    }

    /** The slot holding {@code key}, or the empty slot where it would go (linear probing). */
    private static int probe(int[] slots, int key) {
        int mask = slots.length - 1;
        int s = (key * 0x9E3779B1) >>> 8 & mask;
        while (slots[s] != 0 && slots[s] != key + 1) s = (s + 1) & mask;
        return s;
    }

    private String str(int i) {
        return i < 0 ? null : strings[i];
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /**
     * Collects rows from several files; a later row for the same address overrides the earlier one field by field
     * where it has a value (an imported database over the shipped standing data). Not thread-safe.
     */
    public static final class Builder {
        private int rows;
        private int[] icao = new int[1024];
        private String[] registration = new String[1024];
        private int[] type = new int[1024], manufacturer = new int[1024], model = new int[1024];
        private int[] operator = new int[1024], operatorIcao = new int[1024];
        private short[] year = new short[1024];
        private final Map<Integer, Integer> rowOf = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Integer> stringIds = new HashMap<>();
        private final Map<String, AircraftType> types = new HashMap<>();
        private final Map<String, String> airlines = new HashMap<>();

        /** The 24-bit address of a 6-digit hex string, or -1 when it is not one. */
        static int address(String hex) {
            if (hex == null) return -1;
            String h = hex.strip();
            if (h.length() != 6) return -1;
            int v = 0;
            for (int i = 0; i < 6; i++) {
                int d = Character.digit(h.charAt(i), 16);
                if (d < 0) return -1;
                v = v << 4 | d;
            }
            return v;
        }

        /**
         * Adds or overrides one aircraft; blank values are unknown.
         *
         * @return false when {@code icao24} is not a 6-digit hex address (the row is not stored)
         */
        public boolean aircraft(
                String icao24,
                String registration,
                String type,
                String manufacturer,
                String model,
                String operator,
                String operatorIcao,
                String yearBuilt) {
            int key = address(icao24);
            if (key < 0) return false;
            Integer existing = rowOf.get(key);
            int r = existing != null ? existing : newRow(key);
            String reg = clean(registration);
            if (reg != null) this.registration[r] = reg;
            set(this.type, r, upper(type));
            set(this.manufacturer, r, clean(manufacturer));
            set(this.model, r, clean(model));
            set(this.operator, r, clean(operator));
            set(this.operatorIcao, r, upper(operatorIcao));
            String y = clean(yearBuilt);
            if (y != null && y.matches("(19|20)\\d\\d")) this.year[r] = Short.parseShort(y);
            return true;
        }

        /** Adds a type designator; the first (active) row of a designator wins. */
        public void type(AircraftType t) {
            types.putIfAbsent(t.code(), t);
        }

        public void airline(String icao, String name) {
            String code = upper(icao);
            String n = clean(name);
            if (code != null && code.matches("[A-Z]{3}") && n != null) airlines.putIfAbsent(code, n);
        }

        public AircraftDatabase build() {
            return new AircraftDatabase(this);
        }

        private int newRow(int key) {
            if (rows == icao.length) grow(rows * 2);
            icao[rows] = key;
            for (int[] col : List.of(type, manufacturer, model, operator, operatorIcao)) col[rows] = -1;
            rowOf.put(key, rows);
            return rows++;
        }

        private void grow(int n) {
            icao = Arrays.copyOf(icao, n);
            registration = Arrays.copyOf(registration, n);
            type = Arrays.copyOf(type, n);
            manufacturer = Arrays.copyOf(manufacturer, n);
            model = Arrays.copyOf(model, n);
            operator = Arrays.copyOf(operator, n);
            operatorIcao = Arrays.copyOf(operatorIcao, n);
            year = Arrays.copyOf(year, n);
        }

        private void set(int[] column, int row, String value) {
            if (value == null) return;
            column[row] = stringIds.computeIfAbsent(value, v -> {
                strings.add(v);
                return strings.size() - 1;
            });
        }

        static String clean(String v) {
            if (v == null) return null;
            String s = v.strip();
            return s.isEmpty() ? null : s;
        }

        static String upper(String v) {
            String s = clean(v);
            return s == null ? null : s.toUpperCase(Locale.ROOT);
        }
    }
}
