package io.skysentinel.core;

import java.util.Locale;

/**
 * The id grammar (docs/api.md#ids). An ADS-B aircraft's id is its ICAO 24-bit address as 6 lower-case hex digits;
 * every other network's id is {@code <network>-<local>}, e.g. {@code vatsim-1234567} for a VATSIM pilot keyed by
 * CID (callsigns are reused: real traffic flies the same ones). The hyphen means a network id can never equal a hex
 * address, and both forms use only URL-unreserved characters, so an id goes into a path as it is.
 */
public final class EntityIds {

    /** Longest id accepted anywhere (REST paths, Kafka keys, history rows). */
    public static final int MAX_LENGTH = 64;

    private EntityIds() {}

    /** The id of an ADS-B aircraft: its address, lower case. */
    public static String adsb(String icao24) {
        if (!isIcao24(icao24)) throw new IllegalArgumentException("not a 6-hex-digit ICAO address: " + icao24);
        return icao24.toLowerCase(Locale.ROOT);
    }

    /** The id of an entity of another network, e.g. {@code network("vatsim", "1234567")}. */
    public static String network(String network, String local) {
        if (network == null || network.isEmpty() || !network.chars().allMatch(c -> c >= 'a' && c <= 'z'))
            throw new IllegalArgumentException("network must be lower-case letters: " + network);
        String id = network + '-' + local;
        if (!isValid(id)) throw new IllegalArgumentException("not a valid id: " + id);
        return id;
    }

    /** The icao24 an id carries: the id itself for an ADS-B id, else null. */
    public static String icao24Of(String id) {
        return id != null && id.length() == 6 && isIcao24(id) ? id : null;
    }

    /** True for 6 hex digits in either case. */
    public static boolean isIcao24(String s) {
        if (s == null || s.length() != 6) return false;
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) return false;
        }
        return true;
    }

    /** True when {@code s} is an id as this service issues them: lower-case hex address or network id. */
    public static boolean isValid(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) return false;
        if (s.length() == 6 && isIcao24(s)) return s.equals(s.toLowerCase(Locale.ROOT));
        int dash = s.indexOf('-');
        if (dash < 1 || dash == s.length() - 1) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok || (i < dash && !(c >= 'a' && c <= 'z'))) return false;
        }
        return true;
    }
}
