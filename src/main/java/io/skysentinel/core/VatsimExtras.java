package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What only a VATSIM pilot has: the aircraft's {@code vatsim} group (docs/vatsim.md). The pilot's name is personal
 * data: shown live, never logged, and stored only when VATSIM_STORE_NAMES=true.
 *
 * @param cid                the member's VATSIM id (the flight's id is {@code vatsim-<cid>})
 * @param name               the name the member connected with
 * @param pilotRating        the pilot rating id (see /api/vatsim/ratings)
 * @param militaryRating     the military rating id, null in feeds without one
 * @param server             the network server the pilot is connected to
 * @param headingMagneticDeg the feed's heading: magnetic, degrees 0..360 ({@code heading_deg} is the true track)
 * @param qnhMb              the altimeter setting the pilot has set, hPa
 * @param logonUnix          when the pilot connected, epoch seconds
 * @param flightPlan         the filed flight plan, or null when none is filed
 */
@JsonPropertyOrder({
    "cid",
    "name",
    "pilot_rating",
    "military_rating",
    "server",
    "heading_magnetic_deg",
    "qnh_mb",
    "logon_unix",
    "flight_plan"
})
public record VatsimExtras(
        @JsonProperty("cid") long cid,
        @JsonProperty("name") String name,
        @JsonProperty("pilot_rating") Integer pilotRating,
        @JsonProperty("military_rating") Integer militaryRating,
        @JsonProperty("server") String server,
        @JsonProperty("heading_magnetic_deg") Double headingMagneticDeg,
        @JsonProperty("qnh_mb") Double qnhMb,
        @JsonProperty("logon_unix") Long logonUnix,
        @JsonProperty("flight_plan") FlightPlan flightPlan) {}
