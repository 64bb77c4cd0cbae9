package io.skysentinel.hub;

import io.skysentinel.core.Aircraft;

import java.util.Objects;

/**
 * One entry of a stream that mirrors another hub's picture (the Kafka state topic): the aircraft's latest state, or
 * its removal (a tombstone) when {@code aircraft} is null.
 *
 * @param producedAtMs when the upstream hub emitted it, epoch ms; it drives the source's data age on this hub
 */
public record StreamedChange(String icao24, Aircraft aircraft, long producedAtMs) {
    public StreamedChange {
        Objects.requireNonNull(icao24, "icao24");
        if (aircraft != null && !aircraft.icao24().equals(icao24))
            throw new IllegalArgumentException("key " + icao24 + " does not match aircraft " + aircraft.icao24());
    }

    public static StreamedChange upsert(Aircraft a, long producedAtMs) {
        return new StreamedChange(a.icao24(), a, producedAtMs);
    }

    public static StreamedChange removal(String icao24, long producedAtMs) {
        return new StreamedChange(icao24, null, producedAtMs);
    }

    public boolean isRemoval() {
        return aircraft == null;
    }
}
