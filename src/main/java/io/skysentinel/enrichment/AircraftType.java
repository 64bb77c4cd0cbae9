package io.skysentinel.enrichment;

import java.util.Locale;

/** One ICAO type designator from the model-type table; fields null when the table leaves them empty. */
public record AircraftType(
        String code,
        String manufacturer,
        String model,
        Integer engines,
        String engineType,
        String species,
        String wake) {

    /** VRS's engine type code ({@code P, T, J, E, R}) in words, or null. */
    static String engineType(String code) {
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "P" -> "piston";
            case "T" -> "turboprop";
            case "J" -> "jet";
            case "E" -> "electric";
            case "R" -> "rocket";
            default -> null;
        };
    }

    /** VRS's species code ({@code L, S, A, H, G, T}) in words, or null. */
    static String species(String code) {
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "L" -> "landplane";
            case "S" -> "seaplane";
            case "A" -> "amphibian";
            case "H" -> "helicopter";
            case "G" -> "gyrocopter";
            case "T" -> "tiltrotor";
            default -> null;
        };
    }
}
