package io.skysentinel.source.sim;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Position;

/**
 * The mutable state of one simulated aircraft. One object per slot lives for the whole simulation and is reset
 * when its flight ends and a new one spawns, so a step allocates nothing but its output.
 */
final class SimFlight {

    // Identity, fixed for the flight.
    String icao24;
    String callsign;
    String originCountry;
    String squawk;
    String emergencySquawk;
    double emergencyAtAgeS;
    int category;

    // Performance, m/s, fixed for the flight.
    double taxiSpeed;
    double rotateSpeed;
    double approachSpeed;
    double cruiseSpeed;

    // Kinematics: degrees, metres, m/s; heading is the track over ground, clockwise from north.
    FlightPhase phase;
    double lat;
    double lon;
    double altitudeM;
    double geoOffsetM;
    double speed;
    double heading;
    double verticalRate;

    // Plan.
    boolean worldwide;
    ActiveRunway runway;
    double targetLat;
    double targetLon;
    double courseDeg;
    double cruiseAltitudeM;
    double turnRateDegS;
    double ageS;
    double timerS;
    double lifetimeS;
    /** This arrival has flown a go-around already (the next approach lands). */
    boolean wentAround;

    void reset() {
        icao24 = callsign = originCountry = squawk = emergencySquawk = null;
        emergencyAtAgeS = Double.POSITIVE_INFINITY;
        category = 0;
        taxiSpeed = rotateSpeed = approachSpeed = cruiseSpeed = 0;
        phase = FlightPhase.CRUISE;
        lat = lon = altitudeM = geoOffsetM = speed = heading = verticalRate = 0;
        worldwide = false;
        runway = null;
        targetLat = targetLon = courseDeg = cruiseAltitudeM = turnRateDegS = ageS = timerS = 0;
        lifetimeS = Double.POSITIVE_INFINITY;
        wentAround = false;
    }

    /** Straight-line move over {@code dt} seconds at the current speed and heading. */
    void move(double dt) {
        double distance = speed * dt;
        if (distance == 0) return;
        double rad = Math.toRadians(heading);
        double cosLat = Math.cos(Math.toRadians(lat));
        lat += distance * Math.cos(rad) / Geo.METRES_PER_DEGREE;
        lon = Geo.wrapLon(lon + distance * Math.sin(rad) / (Geo.METRES_PER_DEGREE * Math.max(cosLat, 1e-6)));
        lat = Geo.clamp(lat, -89.9, 89.9); // worldwide flights are respawned long before; this only guards Position
    }

    void turnToward(double desiredDeg, double rateDegS, double dt) {
        double turn = Geo.turnDeg(heading, desiredDeg);
        double max = rateDegS * dt;
        heading = Geo.normalizeDeg(heading + Geo.clamp(turn, -max, max));
    }

    String currentSquawk() {
        return ageS >= emergencyAtAgeS ? emergencySquawk : squawk;
    }

    Aircraft toAircraft(long epochSecond, String source) {
        boolean onGround = phase.onGround;
        Long time = epochSecond;
        return new Aircraft(
                icao24,
                icao24,
                callsign,
                originCountry,
                new Position(lat, lon),
                altitudeM,
                altitudeM + geoOffsetM,
                speed,
                heading,
                onGround ? 0.0 : verticalRate,
                onGround,
                currentSquawk(),
                false,
                category,
                time,
                epochSecond,
                source,
                null,
                null,
                null);
    }
}
