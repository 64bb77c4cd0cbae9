package io.skysentinel.source.sim;

/** Climb and cruise rules shared by regional departures, overflights and worldwide flights. */
final class Maneuvers {

    /** 250 kt, the speed limit below 10,000 ft. */
    static final double LOW_ALTITUDE_SPEED = 128;

    static final double TEN_THOUSAND_FEET_M = 3_048;

    private Maneuvers() {}

    /** Climbs towards the cruise altitude, turning onto the course; switches to CRUISE on reaching it. */
    static void climb(SimFlight f, double dt) {
        f.turnToward(f.courseDeg, 2.5, dt);
        f.speed = Geo.approach(f.speed, climbSpeed(f), 1.0, dt);
        f.verticalRate = Geo.approach(f.verticalRate, climbRate(f), 1.0, dt);
        f.altitudeM += f.verticalRate * dt;
        if (f.altitudeM >= f.cruiseAltitudeM) {
            f.altitudeM = f.cruiseAltitudeM;
            f.verticalRate = 0;
            f.phase = FlightPhase.CRUISE;
        }
        f.move(dt);
    }

    static void cruise(SimFlight f, double dt) {
        f.turnToward(f.courseDeg, 1.0, dt);
        f.speed = Geo.approach(f.speed, f.cruiseSpeed, 0.5, dt);
        f.verticalRate = Geo.approach(f.verticalRate, 0, 1.0, dt);
        f.altitudeM += f.verticalRate * dt;
        f.move(dt);
    }

    /** Jets climb at ~12 m/s low down, ~5 m/s near the top; light aircraft at ~3.5 m/s. */
    static double climbRate(SimFlight f) {
        if (f.category == FlightIdentities.LIGHT) return 3.5;
        return Math.max(5.0, 12.0 - 7.0 * f.altitudeM / 11_000.0);
    }

    static double climbSpeed(SimFlight f) {
        if (f.category == FlightIdentities.LIGHT) return f.cruiseSpeed;
        if (f.altitudeM < TEN_THOUSAND_FEET_M) return Math.min(LOW_ALTITUDE_SPEED, f.cruiseSpeed);
        return Math.min(f.cruiseSpeed, LOW_ALTITUDE_SPEED + (f.altitudeM - TEN_THOUSAND_FEET_M) * 0.03);
    }
}
