package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One flight's state, the shape used everywhere: REST, WebSocket, Kafka payloads and history rows. Network-neutral:
 * {@code id} is the key ({@link EntityIds}), {@code icao24} is there when the network has one (ADS-B), and fields only
 * one network has sit in that network's group ({@code opensky}, {@code vatsim}), null for every other source. Units
 * are in the JSON names; docs/api.md gives each field's null rule.
 */
@JsonPropertyOrder({
    "id",
    "icao24",
    "callsign",
    "origin_country",
    "position",
    "altitude_m",
    "geo_altitude_m",
    "velocity_mps",
    "heading_deg",
    "vertical_rate_mps",
    "on_ground",
    "squawk",
    "spi",
    "category",
    "time_position_unix",
    "last_contact_unix",
    "source",
    "opensky",
    "vatsim",
    "aircraft"
})
public record Aircraft(
        @JsonProperty("id") String id,
        @JsonProperty("icao24") String icao24,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("origin_country") String originCountry,
        @JsonProperty("position") Position position,
        @JsonProperty("altitude_m") Double altitudeM,
        @JsonProperty("geo_altitude_m") Double geoAltitudeM,
        @JsonProperty("velocity_mps") Double velocityMps,
        @JsonProperty("heading_deg") Double headingDeg,
        @JsonProperty("vertical_rate_mps") Double verticalRateMps,
        @JsonProperty("on_ground") boolean onGround,
        @JsonProperty("squawk") String squawk,
        @JsonProperty("spi") boolean spi,
        @JsonProperty("category") Integer category,
        @JsonProperty("time_position_unix") Long timePositionUnix,
        @JsonProperty("last_contact_unix") long lastContactUnix,
        @JsonProperty("source") String source,
        @JsonProperty("opensky") OpenSkyExtras opensky,
        @JsonProperty("vatsim") VatsimExtras vatsim,
        @JsonProperty("aircraft") AircraftInfo aircraft)
        implements LiveEntity {

    public Aircraft {
        if (!EntityIds.isValid(id)) throw new IllegalArgumentException("invalid id: " + id);
        if (icao24 != null && !(EntityIds.isIcao24(icao24) && icao24.equals(EntityIds.adsb(icao24))))
            throw new IllegalArgumentException("icao24 must be 6 lower-case hex digits: " + icao24);
        Objects.requireNonNull(source, "source");
        if (aircraft == null) aircraft = AircraftInfo.UNKNOWN; // every flight has the object, its fields null
    }

    /** True when the squawk is one of the emergency codes 7500 (hijack), 7600 (radio failure), 7700 (emergency). */
    @JsonIgnore
    public boolean emergency() {
        return "7500".equals(squawk) || "7600".equals(squawk) || "7700".equals(squawk);
    }

    /** Barometric altitude, falling back to geometric; null when neither is known. What altitude filters use. */
    @JsonIgnore
    public Double bestAltitudeM() {
        return altitudeM != null ? altitudeM : geoAltitudeM;
    }

    /** Builder for an ADS-B aircraft: id and icao24 are the address, lower case. */
    public static Builder adsb(String icao24, String source) {
        String address = EntityIds.adsb(icao24);
        return new Builder(address, source).icao24(address);
    }

    /** Builder for any flight; every field starts null/false except the required ones. */
    public static Builder builder(String id, String source) {
        return new Builder(id, source);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, source);
        b.icao24 = icao24;
        b.callsign = callsign;
        b.originCountry = originCountry;
        b.position = position;
        b.altitudeM = altitudeM;
        b.geoAltitudeM = geoAltitudeM;
        b.velocityMps = velocityMps;
        b.headingDeg = headingDeg;
        b.verticalRateMps = verticalRateMps;
        b.onGround = onGround;
        b.squawk = squawk;
        b.spi = spi;
        b.category = category;
        b.timePositionUnix = timePositionUnix;
        b.lastContactUnix = lastContactUnix;
        b.opensky = opensky;
        b.vatsim = vatsim;
        b.aircraft = aircraft;
        return b;
    }

    /** This state without the names of people (a VATSIM pilot's name): what storage keeps unless names may be kept. */
    public Aircraft withoutPersonalNames() {
        if (vatsim == null || vatsim.name() == null) return this;
        VatsimExtras v = vatsim;
        return toBuilder()
                .vatsim(new VatsimExtras(
                        v.cid(),
                        null,
                        v.pilotRating(),
                        v.militaryRating(),
                        v.server(),
                        v.headingMagneticDeg(),
                        v.qnhMb(),
                        v.logonUnix(),
                        v.flightPlan()))
                .build();
    }

    /** A copy that says who the aircraft is (the enrichment step before the hub). */
    public Aircraft withAircraft(AircraftInfo info) {
        return toBuilder().aircraft(info).build();
    }

    /** A copy with another source name (tests and tools that relabel a state). */
    public Aircraft withSource(String newSource) {
        return toBuilder().source(newSource).build();
    }

    public static final class Builder {
        private final String id;
        private String source;
        private String icao24;
        private String callsign;
        private String originCountry;
        private String squawk;
        private Position position;
        private Double altitudeM;
        private Double geoAltitudeM;
        private Double velocityMps;
        private Double headingDeg;
        private Double verticalRateMps;
        private boolean onGround;
        private boolean spi;
        private Integer category;
        private Long timePositionUnix;
        private long lastContactUnix;
        private OpenSkyExtras opensky;
        private VatsimExtras vatsim;
        private AircraftInfo aircraft;

        private Builder(String id, String source) {
            this.id = id;
            this.source = source;
        }

        // One-line setters: a builder reads best as a column of names.
        public Builder source(String v) {
            source = v;
            return this;
        }

        public Builder icao24(String v) {
            icao24 = v;
            return this;
        }

        public Builder callsign(String v) {
            callsign = v;
            return this;
        }

        public Builder originCountry(String v) {
            originCountry = v;
            return this;
        }

        public Builder position(double lat, double lon) {
            position = new Position(lat, lon);
            return this;
        }

        public Builder position(Position v) {
            position = v;
            return this;
        }

        public Builder altitudeM(Double v) {
            altitudeM = v;
            return this;
        }

        public Builder geoAltitudeM(Double v) {
            geoAltitudeM = v;
            return this;
        }

        public Builder velocityMps(Double v) {
            velocityMps = v;
            return this;
        }

        public Builder headingDeg(Double v) {
            headingDeg = v;
            return this;
        }

        public Builder verticalRateMps(Double v) {
            verticalRateMps = v;
            return this;
        }

        public Builder onGround(boolean v) {
            onGround = v;
            return this;
        }

        public Builder squawk(String v) {
            squawk = v;
            return this;
        }

        public Builder spi(boolean v) {
            spi = v;
            return this;
        }

        public Builder category(Integer v) {
            category = v;
            return this;
        }

        public Builder timePositionUnix(Long v) {
            timePositionUnix = v;
            return this;
        }

        public Builder lastContactUnix(long v) {
            lastContactUnix = v;
            return this;
        }

        public Builder opensky(OpenSkyExtras v) {
            opensky = v;
            return this;
        }

        public Builder vatsim(VatsimExtras v) {
            vatsim = v;
            return this;
        }

        /** Who the aircraft is (enrichment); null is {@link AircraftInfo#UNKNOWN}. */
        public Builder aircraft(AircraftInfo v) {
            aircraft = v;
            return this;
        }

        public Aircraft build() {
            return new Aircraft(
                    id,
                    icao24,
                    callsign,
                    originCountry,
                    position,
                    altitudeM,
                    geoAltitudeM,
                    velocityMps,
                    headingDeg,
                    verticalRateMps,
                    onGround,
                    squawk,
                    spi,
                    category,
                    timePositionUnix,
                    lastContactUnix,
                    source,
                    opensky,
                    vatsim,
                    aircraft);
        }
    }
}
