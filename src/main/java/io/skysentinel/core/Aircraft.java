package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * The one aircraft shape used everywhere (REST now, WebSocket and Kafka later). It covers all 18 OpenSky
 * state-vector fields plus the name of the source that produced it. Units are in the JSON names; see
 * docs/api.md for each field's null rule.
 */
@JsonPropertyOrder({"icao24", "callsign", "origin_country", "position", "altitude_m", "geo_altitude_m",
        "velocity_mps", "heading_deg", "vertical_rate_mps", "on_ground", "squawk", "spi", "position_source",
        "category", "time_position_unix", "last_contact_unix", "sensors", "source"})
public record Aircraft(
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
        @JsonProperty("position_source") Integer positionSource,
        @JsonProperty("category") Integer category,
        @JsonProperty("time_position_unix") Long timePositionUnix,
        @JsonProperty("last_contact_unix") long lastContactUnix,
        @JsonProperty("sensors") List<Integer> sensors,
        @JsonProperty("source") String source) {

    public Aircraft {
        Objects.requireNonNull(icao24, "icao24");
        Objects.requireNonNull(source, "source");
        sensors = sensors == null ? null : List.copyOf(sensors);
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

    /** Builder for sources and tests; every field starts null/false except the required ones. */
    public static Builder builder(String icao24, String source) {
        return new Builder(icao24, source);
    }

    public Builder toBuilder() {
        Builder b = new Builder(icao24, source);
        b.callsign = callsign; b.originCountry = originCountry; b.position = position; b.altitudeM = altitudeM;
        b.geoAltitudeM = geoAltitudeM; b.velocityMps = velocityMps; b.headingDeg = headingDeg;
        b.verticalRateMps = verticalRateMps; b.onGround = onGround; b.squawk = squawk; b.spi = spi;
        b.positionSource = positionSource; b.category = category; b.timePositionUnix = timePositionUnix;
        b.lastContactUnix = lastContactUnix; b.sensors = sensors;
        return b;
    }

    public static final class Builder {
        private final String icao24;
        private final String source;
        private String callsign, originCountry, squawk;
        private Position position;
        private Double altitudeM, geoAltitudeM, velocityMps, headingDeg, verticalRateMps;
        private boolean onGround, spi;
        private Integer positionSource = 0, category;
        private Long timePositionUnix;
        private long lastContactUnix;
        private List<Integer> sensors;

        private Builder(String icao24, String source) { this.icao24 = icao24; this.source = source; }

        public Builder callsign(String v) { callsign = v; return this; }
        public Builder originCountry(String v) { originCountry = v; return this; }
        public Builder position(double lat, double lon) { position = new Position(lat, lon); return this; }
        public Builder position(Position v) { position = v; return this; }
        public Builder altitudeM(Double v) { altitudeM = v; return this; }
        public Builder geoAltitudeM(Double v) { geoAltitudeM = v; return this; }
        public Builder velocityMps(Double v) { velocityMps = v; return this; }
        public Builder headingDeg(Double v) { headingDeg = v; return this; }
        public Builder verticalRateMps(Double v) { verticalRateMps = v; return this; }
        public Builder onGround(boolean v) { onGround = v; return this; }
        public Builder squawk(String v) { squawk = v; return this; }
        public Builder spi(boolean v) { spi = v; return this; }
        public Builder positionSource(Integer v) { positionSource = v; return this; }
        public Builder category(Integer v) { category = v; return this; }
        public Builder timePositionUnix(Long v) { timePositionUnix = v; return this; }
        public Builder lastContactUnix(long v) { lastContactUnix = v; return this; }
        public Builder sensors(List<Integer> v) { sensors = v; return this; }

        public Aircraft build() {
            return new Aircraft(icao24, callsign, originCountry, position, altitudeM, geoAltitudeM, velocityMps,
                    headingDeg, verticalRateMps, onGround, squawk, spi, positionSource, category, timePositionUnix,
                    lastContactUnix, sensors, source);
        }
    }
}
