package io.skysentinel.core;

/**
 * What a flight's state does not carry but an aircraft database knows: registration, type, operator. A port, so
 * alert rules can name these fields before the enrichment database exists (a later issue implements it); until then
 * {@link #NONE} answers nothing and rules on registration or operator match nothing (a VATSIM flight's type comes
 * from its flight plan, see {@link Info#of}).
 */
@FunctionalInterface
public interface AircraftInfoLookup {

    /** The lookup that knows nothing. */
    AircraftInfoLookup NONE = aircraft -> Info.EMPTY;

    /** What is known about this aircraft; never null, fields null when unknown. Called per state: must be cheap. */
    Info find(Aircraft aircraft);

    /**
     * @param registration e.g. {@code HB-JNA}, upper case
     * @param type         the ICAO type designator, e.g. {@code A388}, upper case
     * @param operator     the operator's ICAO designator, e.g. {@code SWR}, upper case
     */
    record Info(String registration, String type, String operator) {
        public static final Info EMPTY = new Info(null, null, null);

        /** The known info, with the type taken from a filed flight plan when the lookup has none. */
        public static Info of(Info known, Aircraft a) {
            if (known.type() != null || a.vatsim() == null || a.vatsim().flightPlan() == null) return known;
            String planned = a.vatsim().flightPlan().aircraftType();
            if (planned == null) return known;
            return new Info(known.registration(), planned.toUpperCase(java.util.Locale.ROOT), known.operator());
        }
    }
}
