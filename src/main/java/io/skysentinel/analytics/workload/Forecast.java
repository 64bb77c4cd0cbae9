package io.skysentinel.analytics.workload;

/**
 * What a position should expect within {@code horizonMin} minutes from the feed's time.
 *
 * @param horizonMin  15, 30 or 60
 * @param arrivals    airborne aircraft filed to its airports with an ETA within the horizon ({@link EtaModel})
 * @param departures  aircraft on the ground within 3 NM of one of its airports with a plan filed from it, each
 *                    leaving within the horizon with probability 1 − exp(−h / 45 min) (prefiles are not in the core
 *                    model: not counted)
 * @param overflights airborne aircraft neither arriving nor departing there whose dead-reckoned track is inside the
 *                    area now or at a one-minute sample up to the horizon ({@link Tracks})
 */
public record Forecast(int horizonMin, Estimate arrivals, Estimate departures, Estimate overflights) {}
