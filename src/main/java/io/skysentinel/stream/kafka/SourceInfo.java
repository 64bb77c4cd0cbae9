package io.skysentinel.stream.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The envelope's {@code source} object: which source produced the aircraft and how it was polling.
 *
 * @param provider      the source's name, equal to the payload's {@code source} ("opensky", "sim", "replay", …)
 * @param mode          how it runs: "authenticated" / "anonymous" (OpenSky), "simulated", "replay"; null when unknown
 * @param bbox          [lamin, lomin, lamax, lomax] in degrees when it polls one box; null for several boxes, the world
 *                      or a recording
 * @param pollIntervalS seconds between its polls (OpenSky's minimum, the simulator's tick); null when it has none
 */
@JsonPropertyOrder({"provider", "mode", "bbox", "poll_interval_s"})
public record SourceInfo(
        @JsonProperty("provider") String provider,
        @JsonProperty("mode") String mode,
        @JsonProperty("bbox") List<Double> bbox,
        @JsonProperty("poll_interval_s") Double pollIntervalS) {
    public SourceInfo {
        Objects.requireNonNull(provider, "provider");
        if (bbox != null && bbox.size() != 4) throw new IllegalArgumentException("bbox needs 4 numbers, got " + bbox);
        bbox = bbox == null ? null : List.copyOf(bbox);
    }

    public static SourceInfo unknown(String provider) {
        return new SourceInfo(provider, null, null, null);
    }
}
