package io.skysentinel.analytics.workload;

/**
 * The numbers of the workload rules, with why each is what it is (docs/vatsim.md#workload-and-prediction). Constants,
 * not properties: they describe what the facilities work, which no deployment tunes.
 */
public final class WorkloadSettings {

    /** Metres per nautical mile. */
    public static final double NM = 1852.0;

    /** Approach range ring: a visual range of 0 means "not set"; 40 NM is a typical terminal area's radius. */
    public static final double APPROACH_DEFAULT_RANGE_NM = 40;
    /** Approach range ring cap: controllers set visual ranges up to 600 NM; beyond ~150 NM it is en-route airspace. */
    public static final double APPROACH_MAX_RANGE_NM = 150;

    /** Tower: a control zone is ~5–10 NM around the field; 10 NM takes in final approach from ~3,000 ft. */
    public static final double TOWER_RADIUS_NM = 10;
    /** Tower: below ~4,000 ft above the field (a control zone's ceiling is 2,000–4,000 ft; above it is approach's). */
    public static final double TOWER_CEILING_FT = 4_000;

    /** Ground and delivery: on the ground within 3 NM of the airport reference point (the largest aprons fit). */
    public static final double GROUND_RADIUS_NM = 3;

    /** Departing: climbing faster than 500 ft/min (2.54 m/s) counts as the departure part of a flight. */
    public static final double CLIMBING_MPS = 500 * 0.3048 / 60;

    /** ETA: only aircraft faster than this are given one (slower ones are taxiing, hovering or parked). */
    public static final double ETA_MIN_GROUNDSPEED_KT = 50;
    /** ETA: the last 40 NM are flown in descent and approach, not at the groundspeed seen en route. */
    public static final double ETA_APPROACH_NM = 40;
    /** ETA: the average groundspeed over those last 40 NM (250 kt below FL100, ~160 kt on final). */
    public static final double ETA_APPROACH_KT = 200;
    /** ETA: added once for vectoring, the approach pattern and the landing roll. */
    public static final double ETA_APPROACH_ALLOWANCE_MIN = 3;

    /** Forecast horizons, minutes. */
    public static final int[] HORIZONS_MIN = {15, 30, 60};
    /** Track extrapolation: one sample a minute (a jet flies 7–8 NM a minute: smaller than any FIR or TRACON). */
    public static final double EXTRAPOLATION_STEP_S = 60;

    /**
     * Departures: an aircraft on the ground with a filed plan leaves after an exponentially distributed wait of mean
     * 45 min: P(left within h) = 1 − exp(−h / 45). The recorded pairs bracket it: of the pilots on the ground with a
     * plan, 46 % were airborne 34.5 min later and 54 % 70 min later (mean 56–90 min), 78–89 % airborne or gone (mean
     * 22–32 min, if every pilot gone had left); 45 min lies between (docs/vatsim.md#workload-and-prediction).
     */
    public static final double DEPARTURE_MEAN_WAIT_MIN = 45;

    private WorkloadSettings() {}
}
