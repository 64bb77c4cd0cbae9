package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The airspace an ATC position works, as the reference data resolves its callsign (docs/vatsim.md#areas). Its outline
 * is served once by {@code GET /api/atc-areas/{kind}/{id}} (GeoJSON), not carried in every frame.
 *
 * @param kind {@code airport} (tower, ground, delivery, ATIS), {@code fir} or {@code uir} (centre, FSS), {@code tracon}
 *             (approach, departure), {@code range} (a circle of the visual range around the position: no polygon known)
 * @param id   the area's key in its kind: ICAO code, VAT-Spy boundary id, SimAware TRACON id; for {@code range} the
 *             position's callsign
 * @param name its name, or null
 */
@JsonPropertyOrder({"kind", "id", "name"})
public record AtcArea(
        @JsonProperty("kind") String kind,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name) {

    public static final String AIRPORT = "airport";
    public static final String FIR = "fir";
    public static final String UIR = "uir";
    public static final String TRACON = "tracon";
    public static final String RANGE = "range";
}
