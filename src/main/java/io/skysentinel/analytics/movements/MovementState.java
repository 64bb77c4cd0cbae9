package io.skysentinel.analytics.movements;

import io.skysentinel.analytics.track.Observation;

/** One aircraft's movement-detector memory: a handful of fields, so tracking 100,000 aircraft stays cheap. */
public final class MovementState {
    Phase confirmed = Phase.UNKNOWN;
    Candidate candidate;
    /** Last state of the confirmed phase. */
    Observation last;
    /** First seen low over an airport with no ground data yet: a climb through 1,000 ft is then a departure. */
    Observation lowStart;
    /** When airborne states too high for a lift-off began (glitch or unseen take-off), else null. */
    Long implausibleSince;
    /** Altitude reported while on the ground, when an airport's elevation is not at hand. */
    Double groundAltitudeM;

    public Phase phase() {
        return confirmed;
    }
}
