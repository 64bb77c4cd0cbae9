package io.skysentinel.core;

/**
 * Tells a state who its aircraft is (registration, type, operator: {@link AircraftInfo}). Live states are told on the
 * bus; this port serves what is read back from history (playback, the sky at a past moment), whose stored rows do not
 * keep the aircraft object, so a replayed aircraft shows the same panel as a live one. {@link #NONE} leaves states as
 * they are (no enrichment wired, e.g. in a test).
 */
@FunctionalInterface
public interface AircraftEnricher {

    AircraftEnricher NONE = a -> a;

    /** The state with its {@code aircraft} object filled in; the same instance when nothing changes. Cheap. */
    Aircraft enrich(Aircraft state);
}
