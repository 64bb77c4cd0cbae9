package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A filed flight plan, as a flight-simulation network publishes it (VATSIM's {@code flight_plan}); docs/vatsim.md
 * gives each field's unit and null rule. Strings are as filed (trimmed; blank becomes null).
 *
 * @param flightRules    {@code I} (IFR), {@code V} (VFR), {@code Y}/{@code Z} (mixed), as filed
 * @param aircraft       the full equipment string, e.g. {@code B738/M-SDE2E3FGHIJ1RWXY/LB1}
 * @param aircraftType   the ICAO type designator, e.g. {@code B738} (older feeds: derived from {@code aircraft})
 * @param departure      ICAO code of the departure airport
 * @param arrival        ICAO code of the arrival airport
 * @param alternate      ICAO code of the alternate
 * @param cruiseAltitude the filed cruise altitude as written ({@code 35000}, {@code FL350}, {@code VFR})
 * @param cruiseAltitudeFt that altitude in feet when it reads as one, else null
 * @param cruiseTasKt    filed true airspeed, knots; null when not a number or 0
 * @param route          the route string
 * @param remarks        the remarks
 * @param departureTime  filed off-block time, {@code HHMM} UTC
 * @param enrouteTime    filed time en route, {@code HHMM}
 * @param fuelTime       fuel on board as time, {@code HHMM}
 * @param revision       the network's revision number of the plan, or null (older feeds)
 */
@JsonPropertyOrder({
    "flight_rules",
    "aircraft",
    "aircraft_type",
    "departure",
    "arrival",
    "alternate",
    "cruise_altitude",
    "cruise_altitude_ft",
    "cruise_tas_kt",
    "route",
    "remarks",
    "departure_time",
    "enroute_time",
    "fuel_time",
    "revision"
})
public record FlightPlan(
        @JsonProperty("flight_rules") String flightRules,
        @JsonProperty("aircraft") String aircraft,
        @JsonProperty("aircraft_type") String aircraftType,
        @JsonProperty("departure") String departure,
        @JsonProperty("arrival") String arrival,
        @JsonProperty("alternate") String alternate,
        @JsonProperty("cruise_altitude") String cruiseAltitude,
        @JsonProperty("cruise_altitude_ft") Integer cruiseAltitudeFt,
        @JsonProperty("cruise_tas_kt") Integer cruiseTasKt,
        @JsonProperty("route") String route,
        @JsonProperty("remarks") String remarks,
        @JsonProperty("departure_time") String departureTime,
        @JsonProperty("enroute_time") String enrouteTime,
        @JsonProperty("fuel_time") String fuelTime,
        @JsonProperty("revision") Integer revision) {}
