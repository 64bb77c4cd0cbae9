package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The OpenSky state-vector fields that only OpenSky (and its recordings) knows: the aircraft's {@code opensky} group
 * (docs/api.md). Other sources leave the whole group null rather than inventing values.
 *
 * @param positionSource 0 ADS-B, 1 ASTERIX, 2 MLAT, 3 FLARM; null when not sent
 * @param sensors        ids of the receivers that contributed, or null (OpenSky sends it only when asked)
 */
@JsonPropertyOrder({"position_source", "sensors"})
public record OpenSkyExtras(
        @JsonProperty("position_source") Integer positionSource,
        @JsonProperty("sensors") List<Integer> sensors) {
    public OpenSkyExtras {
        sensors = sensors == null ? null : List.copyOf(sensors);
    }
}
