package io.skysentinel.statevector;

import io.skysentinel.core.Aircraft;
import java.util.List;

/**
 * A parsed OpenSky {@code /states/all} body.
 *
 * @param timeUnix     the body's {@code time}: the second the states are associated with
 * @param aircraft     the rows that parsed
 * @param rejectedRows rows skipped because they were malformed (wrong length, wrong types, bad icao24, …)
 * @param rowErrors    the first few reasons, for the log
 */
public record StatesBody(long timeUnix, List<Aircraft> aircraft, int rejectedRows, List<String> rowErrors) {}
