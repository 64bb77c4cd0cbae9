package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Who an aircraft is, as the aircraft and type databases know it (docs/enrichment.md): every field null when unknown.
 * The {@code aircraft} object of a flight in REST, WebSocket and Kafka (docs/api.md).
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
@JsonPropertyOrder({
    "registration",
    "type",
    "manufacturer",
    "model",
    "operator",
    "operator_icao",
    "year_built",
    "wake",
    "engines",
    "engine_type",
    "species",
    "airline"
})
public record AircraftInfo(
        @JsonProperty("registration") String registration,
        @JsonProperty("type") String type,
        @JsonProperty("manufacturer") String manufacturer,
        @JsonProperty("model") String model,
        @JsonProperty("operator") String operator,
        @JsonProperty("operator_icao") String operatorIcao,
        @JsonProperty("year_built") Integer yearBuilt,
        @JsonProperty("wake") String wake,
        @JsonProperty("engines") Integer engines,
        @JsonProperty("engine_type") String engineType,
        @JsonProperty("species") String species,
        @JsonProperty("airline") String airline) {

    public static final AircraftInfo UNKNOWN =
            new AircraftInfo(null, null, null, null, null, null, null, null, null, null, null, null);

    @JsonIgnore
    public boolean isUnknown() {
        return equals(UNKNOWN);
    }
}
