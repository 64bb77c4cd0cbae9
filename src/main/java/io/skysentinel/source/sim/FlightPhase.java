package io.skysentinel.source.sim;

/** Where a simulated flight is in its life; decides which rule moves it and whether it is on the ground. */
enum FlightPhase {
    GATE(true),
    TAXI_OUT(true),
    LINE_UP(true),
    TAKEOFF_ROLL(true),
    INITIAL_CLIMB(false),
    CLIMB(false),
    CRUISE(false),
    DESCENT(false),
    APPROACH(false),
    LANDING_ROLL(true),
    TAXI_IN(true);

    final boolean onGround;

    FlightPhase(boolean onGround) {
        this.onGround = onGround;
    }
}
