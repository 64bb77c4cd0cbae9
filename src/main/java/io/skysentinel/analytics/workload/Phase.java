package io.skysentinel.analytics.workload;

/** Where an aircraft in a position's area is in its flight, relative to that position's airports. */
public enum Phase {
    /** Filed from one of the position's airports and in the departure part of its flight. */
    DEPARTING,
    /** Filed to one of the position's airports. */
    ARRIVING,
    /** Airborne in the area, neither departing nor arriving there (or without a plan). */
    OVERFLYING,
    /** On the ground (the derived {@code on_ground}). */
    ON_GROUND
}
