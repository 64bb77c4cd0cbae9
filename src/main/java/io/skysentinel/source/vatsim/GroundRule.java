package io.skysentinel.source.vatsim;

import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.Geo;
import java.util.Optional;

/**
 * VATSIM has no on-ground flag: a pilot is on the ground when slow and at field height (docs/vatsim.md). Pure;
 * thread-safe when the catalog is.
 */
final class GroundRule {

    /** Taxi speeds stay well below this; no airliner flies this slowly except in the flare. */
    static final double MAX_GROUND_KT = 50;
    /** Without a known airport (an unlisted strip, a ship): slower than any fixed-wing aircraft can fly. */
    static final double MAX_GROUND_KT_NO_AIRPORT = 30;
    /** How far from the airport's reference point its aprons and runways reach. */
    static final double AIRPORT_RADIUS_M = 5_000;
    /** Field elevation plus this, feet: room for elevation differences across an airport and altimeter errors. */
    static final double MAX_HEIGHT_FT = 250;

    private final AirportCatalog airports;

    GroundRule(AirportCatalog airports) {
        this.airports = airports;
    }

    boolean onGround(double lat, double lon, Double altitudeFt, double groundspeedKt) {
        if (groundspeedKt >= MAX_GROUND_KT) return false;
        Optional<AirportCatalog.Nearby> near = airports.nearest(lat, lon, AIRPORT_RADIUS_M);
        if (near.isPresent() && Double.isFinite(near.get().airport().elevationM())) {
            if (altitudeFt == null) return false;
            double fieldFt = near.get().airport().elevationM() / Geo.FEET;
            return altitudeFt <= fieldFt + MAX_HEIGHT_FT;
        }
        return groundspeedKt < MAX_GROUND_KT_NO_AIRPORT;
    }
}
