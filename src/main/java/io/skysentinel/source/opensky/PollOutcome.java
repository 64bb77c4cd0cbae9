package io.skysentinel.source.opensky;

import java.util.Locale;

/** How one request went; the lower-case name is the {@code outcome} tag of {@code skysentinel.source.polls}. */
enum PollOutcome {
    SUCCESS,
    RATE_LIMITED,
    SERVER_ERROR,
    TIMEOUT,
    UNAUTHORIZED,
    MALFORMED,
    CIRCUIT_OPEN,
    ERROR;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Outcomes that say OpenSky (or the path to it) is unwell: they trigger backoff. */
    boolean upstreamTrouble() {
        return this == SERVER_ERROR || this == TIMEOUT || this == CIRCUIT_OPEN || this == ERROR || this == UNAUTHORIZED;
    }
}
