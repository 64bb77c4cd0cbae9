package io.skysentinel.source.sim;

import java.util.SplittableRandom;

/**
 * Flights spread over the globe (latitude −60..70, any longitude) when the count is too large for one region:
 * cruising, climbing or descending airliners on slowly curving tracks that end after a random lifetime.
 */
final class WorldwideTraffic {

    static final double SPAWN_LAT_MIN = -60, SPAWN_LAT_MAX = 70;
    /** Beyond these latitudes the flat-earth step degrades; such flights are retired and replaced. */
    static final double RETIRE_LAT_MIN = -75, RETIRE_LAT_MAX = 80;

    private final SplittableRandom rng;
    private final FlightIdentities identities;

    WorldwideTraffic(SplittableRandom rng, FlightIdentities identities) {
        this.rng = rng;
        this.identities = identities;
    }

    void spawn(SimFlight f) {
        f.reset();
        identities.assignWorldwide(f);
        f.worldwide = true;
        f.lat = SPAWN_LAT_MIN + rng.nextDouble() * (SPAWN_LAT_MAX - SPAWN_LAT_MIN);
        f.lon = -180 + rng.nextDouble() * 360;
        f.heading = f.courseDeg = rng.nextDouble() * 360;
        f.turnRateDegS = (rng.nextDouble() * 2 - 1) * 0.02; // a great circle's heading drifts slowly on a chart
        f.lifetimeS = 900 + rng.nextDouble() * 4 * 3600;
        f.cruiseAltitudeM = (300 + 10 * rng.nextInt(12)) * 30.48;
        double r = rng.nextDouble();
        if (r < 0.70) {
            f.phase = FlightPhase.CRUISE;
            f.altitudeM = f.cruiseAltitudeM;
            f.speed = f.cruiseSpeed;
        } else if (r < 0.85) {
            f.phase = FlightPhase.CLIMB;
            f.altitudeM = 600 + rng.nextDouble() * 8_400;
            f.speed = Maneuvers.climbSpeed(f);
            f.verticalRate = Maneuvers.climbRate(f);
        } else {
            f.phase = FlightPhase.DESCENT;
            f.altitudeM = 1_500 + rng.nextDouble() * 9_500;
            f.speed = 150 + rng.nextDouble() * 70;
            f.verticalRate = -(5 + rng.nextDouble() * 7);
        }
    }

    /** Advances {@code f}; false when the flight is over (landed, lifetime spent, or too close to a pole). */
    boolean advance(SimFlight f, double dt) {
        f.courseDeg = Geo.normalizeDeg(f.courseDeg + f.turnRateDegS * dt);
        switch (f.phase) {
            case CLIMB -> Maneuvers.climb(f, dt);
            case DESCENT -> {
                f.turnToward(f.courseDeg, 1.0, dt);
                double targetSpeed = f.altitudeM < Maneuvers.TEN_THOUSAND_FEET_M ? 120 : 200;
                f.speed = Geo.approach(f.speed, targetSpeed, 0.5, dt);
                f.altitudeM += f.verticalRate * dt;
                f.move(dt);
                if (f.altitudeM <= 450) return false; // handed over to an approach we do not model
            }
            default -> Maneuvers.cruise(f, dt);
        }
        return f.ageS < f.lifetimeS && f.lat >= RETIRE_LAT_MIN && f.lat <= RETIRE_LAT_MAX;
    }
}
