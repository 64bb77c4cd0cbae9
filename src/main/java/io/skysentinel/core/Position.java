package io.skysentinel.core;

/** A WGS-84 position in decimal degrees; both parts are always present when the object exists. */
public record Position(double lat, double lon) {
    public Position {
        if (!(lat >= -90 && lat <= 90)) throw new IllegalArgumentException("lat out of range: " + lat);
        if (!(lon >= -180 && lon <= 180)) throw new IllegalArgumentException("lon out of range: " + lon);
    }
}
