package io.skysentinel.source.opensky;

/**
 * How OpenSky gives spent credits back. OpenSky's documentation only says "per day"; see docs/opensky.md for why
 * DAILY is the default.
 */
public enum RefillMode {
    /** The whole allowance comes back at one instant every 24 hours (learned from the headers, or configured). */
    DAILY,
    /** Each spent credit comes back 24 hours after it was spent (a sliding 24-hour window). */
    ROLLING
}
