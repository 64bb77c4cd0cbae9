package io.skysentinel.source.vatsim;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The feed's free-form strings read as values: pure functions, each null when not one (docs/vatsim.md). */
final class FeedValues {

    private static final Pattern SQUAWK = Pattern.compile("[0-7]{4}");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9]{1,3}");
    private static final Pattern LEVEL = Pattern.compile("(FL|F|A)?(\\d{1,5})");
    private static final Pattern SPEED = Pattern.compile("N?(\\d{1,4})");
    private static final Pattern FREQUENCY = Pattern.compile("\\d{3}\\.\\d{1,3}");

    private FeedValues() {}

    /** The transponder code when it is four octal digits ({@code "0400"}); else null. */
    static String squawk(String transponder) {
        if (transponder == null) return null;
        String t = transponder.strip();
        return SQUAWK.matcher(t).matches() ? t : null;
    }

    /**
     * The ICAO type designator: {@code aircraft_short} when the feed has it, else derived from the equipment string.
     * ICAO form {@code B738/M-SDE2E3FGHIJ1RWXY/LB1} gives B738; the older FAA forms with a leading wake or TCAS
     * letter, {@code H/B744/L} and {@code T/B738/F}, give the second part. Null when no part looks like a designator.
     */
    static String aircraftType(String aircraftShort, String equipment) {
        String s = designator(aircraftShort);
        if (s != null || equipment == null) return s;
        String[] parts = equipment.strip().toUpperCase(Locale.ROOT).split("/");
        String first = parts[0].strip();
        if (first.length() == 1 && parts.length > 1) return designator(parts[1]);
        int dash = first.indexOf('-');
        return designator(dash < 0 ? first : first.substring(0, dash));
    }

    private static String designator(String s) {
        if (s == null) return null;
        String t = s.strip().toUpperCase(Locale.ROOT);
        return TYPE.matcher(t).matches() ? t : null;
    }

    /**
     * The filed cruise altitude in feet: {@code 35000} as it is; {@code FL350}, {@code F350}, {@code A045} and a bare
     * one-to-three-digit number ({@code 350}: pilots type flight levels) in hundreds of feet. Null for 0, {@code VFR},
     * metric levels and anything else.
     */
    static Integer cruiseAltitudeFt(String filed) {
        if (filed == null) return null;
        Matcher m = LEVEL.matcher(filed.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) return null;
        int n = Integer.parseInt(m.group(2));
        if (n == 0) return null;
        boolean hundreds = m.group(1) != null || m.group(2).length() <= 3;
        int ft = hundreds ? n * 100 : n;
        return ft > 100_000 ? null : ft;
    }

    /** The filed true airspeed in knots ({@code "450"}, {@code "N0450"}); null for 0, Mach numbers and junk. */
    static Integer cruiseTasKt(String filed) {
        if (filed == null) return null;
        Matcher m = SPEED.matcher(filed.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) return null;
        int kt = Integer.parseInt(m.group(1));
        return kt == 0 ? null : kt;
    }

    /** A frequency as the feed writes it ({@code "118.500"}), MHz; null when it is not one. */
    static Double frequencyMhz(String s) {
        if (s == null) return null;
        String t = s.strip();
        return FREQUENCY.matcher(t).matches() ? Double.parseDouble(t) : null;
    }

    /** Trimmed; blank becomes null. */
    static String text(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
