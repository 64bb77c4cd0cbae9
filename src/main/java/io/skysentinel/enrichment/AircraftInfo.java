package io.skysentinel.enrichment;

/**
 * Who an aircraft is, as the aircraft and type databases know it (docs/enrichment.md): every field null when unknown.
 *
 * @param registration  the registration (tail number), e.g. {@code HB-JNA}
 * @param type          the ICAO type designator, e.g. {@code B77W}
 * @param manufacturer  e.g. {@code Boeing}
 * @param model         e.g. {@code 777-3DEER}
 * @param operator      the operator's name, e.g. {@code Swiss}
 * @param operatorIcao  the operator's ICAO airline code, e.g. {@code SWR}
 * @param yearBuilt     the year the airframe was built
 * @param wake          the ICAO wake turbulence category: {@code L}, {@code M}, {@code H}, {@code J} or {@code L/M}
 * @param engines       the number of engines
 * @param engineType    {@code piston}, {@code turboprop}, {@code jet}, {@code electric} or {@code rocket}
 * @param species       {@code landplane}, {@code seaplane}, {@code amphibian}, {@code helicopter}, {@code gyrocopter}
 *                      or {@code tiltrotor}
 * @param airline       the airline whose ICAO code the callsign starts with (UAL123 → United Airlines): who flies it
 *                      now, which may differ from the registered operator
 */
public record AircraftInfo(
        String registration,
        String type,
        String manufacturer,
        String model,
        String operator,
        String operatorIcao,
        Integer yearBuilt,
        String wake,
        Integer engines,
        String engineType,
        String species,
        String airline) {

    public static final AircraftInfo UNKNOWN =
            new AircraftInfo(null, null, null, null, null, null, null, null, null, null, null, null);

    public boolean isUnknown() {
        return equals(UNKNOWN);
    }
}
