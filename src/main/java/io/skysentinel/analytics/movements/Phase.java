package io.skysentinel.analytics.movements;

/** Whether an aircraft is on the ground or flying, as far as the movement detector has confirmed it. */
public enum Phase {
    UNKNOWN,
    GROUND,
    AIR
}
