package io.skysentinel.analytics.movements;

import io.skysentinel.analytics.track.Observation;

/** A phase change in waiting: its first state, and the last confirmed-phase state before it (may be null). */
record Candidate(Phase phase, Observation first, Observation before) {}
