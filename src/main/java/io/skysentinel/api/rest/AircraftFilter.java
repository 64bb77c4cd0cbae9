package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfo;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters on who an aircraft is (its {@code aircraft} object, docs/enrichment.md), shared by GET /api/flights and
 * the /ws/flights subscriptions: {@code type} is a list of ICAO designators (exact), {@code registration} a prefix
 * (case and dashes ignored: {@code hbj} finds HB-JNA), {@code operator} the operator's ICAO code (exact) or part of
 * the operator's or the callsign's airline's name. An aircraft nobody knows matches none of them.
 */
public record AircraftFilter(Set<String> types, String registration, String operator) {

    public static final AircraftFilter NONE = new AircraftFilter(null, null, null);

    /**
     * @param field the name an error names ({@code type}, or {@code filter.type} on the socket)
     * @throws InvalidParameterException for a designator that is not 2 to 4 letters or digits
     */
    public static Set<String> types(String field, String list) {
        if (list == null) return null;
        Set<String> out = new TreeSet<>();
        for (String t : list.split(",")) {
            String v = t.strip().toUpperCase(Locale.ROOT);
            if (!v.matches("[A-Z0-9]{2,4}"))
                throw new InvalidParameterException(field, "'" + t.strip() + "' is not an ICAO type designator");
            out.add(v);
        }
        return Set.copyOf(out);
    }

    /** Upper case without dashes, spaces or dots: how registrations are compared. */
    public static String registrationKey(String r) {
        return r == null ? null : r.toUpperCase(Locale.ROOT).replaceAll("[-\\s.]", "");
    }

    public static AircraftFilter of(Set<String> types, String registration, String operator) {
        String reg = registration == null || registration.isBlank() ? null : registrationKey(registration.strip());
        String op =
                operator == null || operator.isBlank() ? null : operator.strip().toUpperCase(Locale.ROOT);
        return new AircraftFilter(types == null || types.isEmpty() ? null : types, reg, op);
    }

    public boolean isNone() {
        return types == null && registration == null && operator == null;
    }

    public boolean matches(Aircraft a) {
        AircraftInfo i = a.aircraft();
        if (types != null && (i.type() == null || !types.contains(i.type()))) return false;
        if (registration != null
                && (i.registration() == null
                        || !registrationKey(i.registration()).startsWith(registration))) return false;
        return operator == null
                || operator.equals(i.operatorIcao())
                || contains(i.operator(), operator)
                || contains(i.airline(), operator);
    }

    private static boolean contains(String text, String upperNeedle) {
        return text != null && text.toUpperCase(Locale.ROOT).contains(upperNeedle);
    }
}
