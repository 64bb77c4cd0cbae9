package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A staffed air-traffic-control position of a flight-simulation network (a VATSIM controller or ATIS connection):
 * the second kind of live entity, held by a hub of its own. docs/vatsim.md gives each field's unit and null rule.
 *
 * @param id               {@code vatsim-<callsign in lower case>}: a callsign is held by one connection at a time
 * @param callsign         e.g. {@code EGLL_TWR}, {@code EGLL_ATIS}
 * @param kind             {@code controller} or {@code atis}
 * @param cid              the member's network id
 * @param name             the name the member connected with (personal data: shown live, never logged)
 * @param facility         the facility id and short name (e.g. 4, {@code TWR})
 * @param rating           the controller rating id and short name (e.g. 3, {@code S2})
 * @param frequencyMhz     the primary frequency, MHz
 * @param visualRangeNm    the visual range, nautical miles
 * @param atisCode         the ATIS letter, or null
 * @param textAtis         the ATIS or controller info lines, or null
 * @param logonUnix        when the connection started, epoch seconds
 * @param lastContactUnix  the feed's last update of the connection, epoch seconds
 * @param position         where it is drawn: its airport or its area's label point; null when unplaced
 * @param area             the airspace it works; null when the callsign matches no reference data
 * @param source           the source name ({@code vatsim})
 */
@JsonPropertyOrder({
    "id",
    "callsign",
    "kind",
    "cid",
    "name",
    "facility",
    "rating",
    "frequency_mhz",
    "visual_range_nm",
    "atis_code",
    "text_atis",
    "logon_unix",
    "last_contact_unix",
    "position",
    "area",
    "source"
})
public record AtcPosition(
        @JsonProperty("id") String id,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("kind") String kind,
        @JsonProperty("cid") long cid,
        @JsonProperty("name") String name,
        @JsonProperty("facility") Code facility,
        @JsonProperty("rating") Code rating,
        @JsonProperty("frequency_mhz") Double frequencyMhz,
        @JsonProperty("visual_range_nm") Integer visualRangeNm,
        @JsonProperty("atis_code") String atisCode,
        @JsonProperty("text_atis") List<String> textAtis,
        @JsonProperty("logon_unix") Long logonUnix,
        @JsonProperty("last_contact_unix") long lastContactUnix,
        @JsonProperty("position") Position position,
        @JsonProperty("area") AtcArea area,
        @JsonProperty("source") String source)
        implements LiveEntity {

    public static final String CONTROLLER = "controller";
    public static final String ATIS = "atis";

    /** A network code: its number and short name ({@code {"id":4,"short":"TWR"}}); the short name may be null. */
    @JsonPropertyOrder({"id", "short"})
    public record Code(
            @JsonProperty("id") int id,
            @JsonProperty("short") String shortName) {}

    public AtcPosition {
        if (!EntityIds.isValid(id)) throw new IllegalArgumentException("invalid id: " + id);
        Objects.requireNonNull(callsign, "callsign");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        textAtis = textAtis == null ? null : List.copyOf(textAtis);
    }

    /** The id of the position a network connection with this callsign holds. */
    public static String idFor(String network, String callsign) {
        return EntityIds.network(network, callsign.toLowerCase(java.util.Locale.ROOT));
    }

    @JsonIgnore
    public boolean atis() {
        return ATIS.equals(kind);
    }
}
