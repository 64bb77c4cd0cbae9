package io.skysentinel.analytics.anomaly;

import io.skysentinel.analytics.track.Observation;

/** One aircraft's memory for every anomaly rule: a few fields each (the holding window is bounded). */
public final class AnomalyState {
    // squawk: the emergency code of the episode under way, null when none
    String emergencySquawk;
    // rapid descent
    long descentSinceMs = -1;
    long descentLastMs;
    double descentWorstMps;
    boolean descentReported;
    // impossible jump
    Observation lastFix;
    long jumpQuietUntilMs = Long.MIN_VALUE;
    // go-around
    boolean approachArmed;
    Observation lowPoint;
    // holding
    final TurnWindow turns = new TurnWindow();
    double lastTrackDeg = Double.NaN;
    long lastTrackMs;
    boolean holdReported;
}
