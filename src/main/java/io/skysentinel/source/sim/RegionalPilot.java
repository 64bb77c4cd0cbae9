package io.skysentinel.source.sim;

import java.util.SplittableRandom;

/**
 * Flies a regional flight through its phases: gate, taxi, line-up, take-off roll, initial climb along the runway,
 * turn and climb out; or descent to the final approach fix, a 3° approach tracking the centre line, landing roll
 * and taxi in. Climb and cruise are shared with worldwide traffic ({@link Maneuvers}).
 */
final class RegionalPilot {

    /** A flight that somehow never finishes (e.g. circles a fix) is retired after this long. */
    static final double MAX_AGE_S = 3 * 3600;

    static final double FAF_CAPTURE_M = 3_000;

    private final SplittableRandom rng;

    RegionalPilot(SplittableRandom rng) {
        this.rng = rng;
    }

    /** Parking position for departures and taxiing arrivals: within 300..1,200 m of the airport reference point. */
    static void chooseGate(SimFlight f, SplittableRandom rng) {
        ActiveRunway r = f.runway;
        double bearing = rng.nextDouble() * 360, distance = 300 + rng.nextDouble() * 900;
        f.targetLat = Geo.offsetLat(r.arpLat(), bearing, distance);
        f.targetLon = Geo.offsetLon(r.arpLat(), r.arpLon(), bearing, distance);
    }

    /** Advances {@code f} by {@code dt} seconds; false when the flight is over (parked, or left the region). */
    boolean advance(SimFlight f, double dt) {
        ActiveRunway r = f.runway;
        switch (f.phase) {
            case GATE -> {
                f.timerS -= dt;
                if (f.timerS <= 0) f.phase = FlightPhase.TAXI_OUT;
            }
            case TAXI_OUT -> {
                if (taxiTo(f, r.thresholdLat(), r.thresholdLon(), dt)) {
                    f.phase = FlightPhase.LINE_UP;
                    f.heading = r.headingDeg();
                    f.speed = 0;
                    f.timerS = 10 + rng.nextDouble() * 50;
                }
            }
            case LINE_UP -> {
                f.timerS -= dt;
                if (f.timerS <= 0) f.phase = FlightPhase.TAKEOFF_ROLL;
            }
            case TAKEOFF_ROLL -> takeoffRoll(f, dt);
            case INITIAL_CLIMB -> initialClimb(f, dt);
            case CLIMB -> Maneuvers.climb(f, dt);
            case CRUISE -> Maneuvers.cruise(f, dt);
            case DESCENT -> descend(f, dt);
            case APPROACH -> approach(f, dt);
            case LANDING_ROLL -> landingRoll(f, dt);
            case TAXI_IN -> {
                if (taxiTo(f, f.targetLat, f.targetLon, dt)) return false; // parked: transponder off
            }
        }
        return f.ageS < MAX_AGE_S;
    }

    /** Taxis straight to a point; true (and snapped onto it) when it is reached within this step. */
    private static boolean taxiTo(SimFlight f, double lat, double lon, double dt) {
        f.speed = Geo.approach(f.speed, f.taxiSpeed, 1.0, dt);
        double remaining = Geo.distanceM(f.lat, f.lon, lat, lon);
        if (remaining <= Math.max(f.speed * dt, 1.0)) {
            f.lat = lat;
            f.lon = lon;
            return true;
        }
        f.heading = Geo.bearingDeg(f.lat, f.lon, lat, lon);
        f.move(dt);
        return false;
    }

    private static void takeoffRoll(SimFlight f, double dt) {
        f.heading = f.runway.headingDeg();
        f.speed = Math.min(f.rotateSpeed, f.speed + 2.2 * dt);
        f.move(dt);
        if (f.speed >= f.rotateSpeed) {
            f.phase = FlightPhase.INITIAL_CLIMB;
            f.verticalRate = 2;
        }
    }

    /** Straight out along the runway heading until 450 m above the field, then the climb turns onto course. */
    private static void initialClimb(SimFlight f, double dt) {
        f.heading = f.runway.headingDeg();
        f.speed = Geo.approach(f.speed, Maneuvers.climbSpeed(f), 1.2, dt);
        f.verticalRate = Geo.approach(f.verticalRate, Maneuvers.climbRate(f), 1.5, dt);
        f.altitudeM += f.verticalRate * dt;
        f.move(dt);
        if (f.altitudeM - f.runway.elevationM() >= 450) f.phase = FlightPhase.CLIMB;
    }

    /** Heads for the final approach fix, slowing down and descending so as to cross it at glide-slope height. */
    private static void descend(SimFlight f, double dt) {
        ActiveRunway r = f.runway;
        if (f.wentAround && f.altitudeM - r.elevationM() < MISSED_APPROACH_TURN_HEIGHT_M) {
            // Missed approach: climb straight ahead on the runway heading before turning back to the fix.
            f.verticalRate = Geo.approach(f.verticalRate, 8, 1.0, dt);
            f.altitudeM += f.verticalRate * dt;
            f.move(dt);
            return;
        }
        double toFaf = Geo.distanceM(f.lat, f.lon, r.fafLat(), r.fafLon());
        f.turnToward(Geo.bearingDeg(f.lat, f.lon, r.fafLat(), r.fafLon()), 3.0, dt);
        double targetSpeed = toFaf > 25_000 ? Math.min(170, f.cruiseSpeed) : f.approachSpeed + 35;
        f.speed = Geo.approach(f.speed, targetSpeed, 0.6, dt);
        double wanted = (r.fafAltitudeM() - f.altitudeM) / Math.max(toFaf / Math.max(f.speed, 1), 1);
        f.verticalRate = Geo.approach(f.verticalRate, Geo.clamp(wanted, -15, 8), 1.0, dt);
        f.altitudeM += f.verticalRate * dt;
        f.move(dt);
        if (toFaf < FAF_CAPTURE_M) f.phase = FlightPhase.APPROACH;
    }

    /** Localiser-like: steer onto the centre line; glide-slope-like: never above the 3° path. */
    private void approach(SimFlight f, double dt) {
        ActiveRunway r = f.runway;
        double h = Math.toRadians(r.headingDeg());
        double east = Geo.wrapLon(f.lon - r.thresholdLon()) * Geo.METRES_PER_DEGREE * Math.cos(Math.toRadians(f.lat));
        double north = (f.lat - r.thresholdLat()) * Geo.METRES_PER_DEGREE;
        double before = -(east * Math.sin(h) + north * Math.cos(h)); // metres before the threshold
        double right = east * Math.cos(h) - north * Math.sin(h); // metres right of the centre line
        if (before <= 0) {
            touchdownOrGoAround(
                    f, Math.abs(right) < 150 && f.altitudeM - r.elevationM() < 60 && !missesFirstApproach(f));
            f.move(dt);
            return;
        }
        f.turnToward(r.headingDeg() - Geo.clamp(right * 0.015, -35, 35), 3.0, dt);
        f.speed = Geo.approach(f.speed, f.approachSpeed, 0.7, dt);
        double glide = r.elevationM() + ActiveRunway.THRESHOLD_CROSSING_M + before * ActiveRunway.GLIDE_SLOPE;
        f.verticalRate = Geo.clamp((glide - f.altitudeM) / 4, -8, 0);
        f.altitudeM = Math.max(r.elevationM(), f.altitudeM + f.verticalRate * dt);
        f.move(dt);
    }

    /**
     * About one arrival in 32 is not stabilised on its first approach and goes around (real rates are a few per
     * thousand; this is more so that analytics' go-around events show up in a short run). Chosen from the address
     * rather than the random generator, so every other flight of a seed stays exactly as it was.
     */
    static final double MISSED_APPROACH_TURN_HEIGHT_M = 300;

    static boolean missesFirstApproach(SimFlight f) {
        return !f.wentAround && f.icao24 != null && Math.floorMod(f.icao24.hashCode(), 32) == 0;
    }

    private static void touchdownOrGoAround(SimFlight f, boolean stabilised) {
        if (stabilised) {
            f.phase = FlightPhase.LANDING_ROLL;
            f.altitudeM = f.runway.elevationM();
            f.verticalRate = 0;
            f.heading = f.runway.headingDeg();
        } else {
            f.phase = FlightPhase.DESCENT; // go around: back to the fix and try again
            f.verticalRate = 5;
            f.wentAround = true;
        }
    }

    private void landingRoll(SimFlight f, double dt) {
        f.heading = f.runway.headingDeg();
        f.speed = Geo.approach(f.speed, f.taxiSpeed + 4, 2.2, dt);
        f.move(dt);
        if (f.speed <= f.taxiSpeed + 4) {
            f.phase = FlightPhase.TAXI_IN;
            chooseGate(f, rng);
        }
    }
}
