package io.skysentinel.source.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Spawns the regional scenario's flights: departures parked at a gate, arrivals entering at the region's edge
 * and descending towards a runway in use, and overflights crossing the region.
 */
final class RegionalTraffic {

    /** New arrivals and overflights appear just outside the region, so they fly into it. */
    static final double SPAWN_OUTSIDE_DEG = 0.05;
    /** Flights leaving the region are retired once this far outside it (a little edge traffic is realistic). */
    static final double RETIRE_OUTSIDE_DEG = 0.3;

    private final SplittableRandom rng;
    private final FlightIdentities identities;
    private final double lamin, lomin, lamax, lomax;
    private final List<List<ActiveRunway>> runwaysByAirport = new ArrayList<>();
    private final double[] cumulativeWeight;

    RegionalTraffic(SimProperties props, SplittableRandom rng, FlightIdentities identities) {
        this.rng = rng;
        this.identities = identities;
        this.lamin = props.lamin();
        this.lomin = props.lomin();
        this.lamax = props.lamax();
        this.lomax = props.lomax();
        cumulativeWeight = new double[props.airports().size()];
        double total = 0;
        for (int i = 0; i < props.airports().size(); i++) {
            SimProperties.Airport airport = props.airports().get(i);
            List<ActiveRunway> runways = new ArrayList<>();
            // The flow (which end is in use) is the seed's "wind": fixed for the whole run, like a real airport.
            for (double heading : airport.runwayHeadingsDeg()) {
                runways.add(ActiveRunway.of(airport, rng.nextBoolean() ? heading : heading + 180));
            }
            runwaysByAirport.add(List.copyOf(runways));
            total += airport.weight();
            cumulativeWeight[i] = total;
        }
    }

    /** Turns {@code f} into a new regional flight: 40 % departures, 40 % arrivals, 20 % overflights. */
    void spawn(SimFlight f) {
        f.reset();
        identities.assignRegional(f);
        double r = rng.nextDouble();
        if (r < 0.40) departure(f);
        else if (r < 0.80) arrival(f);
        else overflight(f);
    }

    boolean inPlay(SimFlight f) {
        return f.lat >= lamin - RETIRE_OUTSIDE_DEG
                && f.lat <= lamax + RETIRE_OUTSIDE_DEG
                && f.lon >= lomin - RETIRE_OUTSIDE_DEG
                && f.lon <= lomax + RETIRE_OUTSIDE_DEG;
    }

    private void departure(SimFlight f) {
        f.runway = pickRunway();
        RegionalPilot.chooseGate(f, rng);
        f.lat = f.targetLat;
        f.lon = f.targetLon;
        f.phase = FlightPhase.GATE;
        f.timerS = rng.nextDouble() * 180;
        f.heading = rng.nextDouble() * 360;
        f.altitudeM = f.runway.elevationM();
        f.courseDeg = rng.nextDouble() * 360;
        f.cruiseAltitudeM =
                f.category == FlightIdentities.LIGHT ? 900 + rng.nextDouble() * 1200 : flightLevelM(250, 380);
    }

    private void arrival(SimFlight f) {
        ActiveRunway rwy = pickRunway();
        f.runway = rwy;
        placeOnEdge(f);
        double toFaf = Geo.distanceM(f.lat, f.lon, rwy.fafLat(), rwy.fafLon());
        double ceiling = f.category == FlightIdentities.LIGHT ? 2_500 : 7_500;
        f.altitudeM = Math.min(ceiling, rwy.fafAltitudeM() + toFaf * 0.05); // about a 3° descent path
        f.heading = Geo.bearingDeg(f.lat, f.lon, rwy.fafLat(), rwy.fafLon());
        f.speed = Math.min(170, f.cruiseSpeed);
        f.phase = FlightPhase.DESCENT;
    }

    private void overflight(SimFlight f) {
        placeOnEdge(f);
        double targetLat = lamin + (0.2 + 0.6 * rng.nextDouble()) * (lamax - lamin);
        double targetLon = lomin + (0.2 + 0.6 * rng.nextDouble()) * (lomax - lomin);
        f.heading = f.courseDeg = Geo.bearingDeg(f.lat, f.lon, targetLat, targetLon);
        f.speed = f.cruiseSpeed;
        f.phase = FlightPhase.CRUISE;
        if (f.category == FlightIdentities.LIGHT) {
            f.altitudeM = f.cruiseAltitudeM = 450 + rng.nextDouble() * 1050;
        } else if (rng.nextDouble() < 0.7) {
            f.altitudeM = f.cruiseAltitudeM = flightLevelM(300, 400);
        } else {
            // Climbing through, out of an airport beyond the region.
            f.altitudeM = 3_500 + rng.nextDouble() * 4_500;
            f.cruiseAltitudeM = flightLevelM(300, 400);
            f.speed = Maneuvers.climbSpeed(f);
            f.verticalRate = Maneuvers.climbRate(f);
            f.phase = FlightPhase.CLIMB;
        }
    }

    private void placeOnEdge(SimFlight f) {
        double width = lomax - lomin, height = lamax - lamin;
        double t = rng.nextDouble() * 2 * (width + height);
        if (t < width) {
            f.lat = lamin - SPAWN_OUTSIDE_DEG;
            f.lon = lomin + t;
        } else if (t < 2 * width) {
            f.lat = lamax + SPAWN_OUTSIDE_DEG;
            f.lon = lomin + t - width;
        } else if (t < 2 * width + height) {
            f.lon = lomin - SPAWN_OUTSIDE_DEG;
            f.lat = lamin + t - 2 * width;
        } else {
            f.lon = lomax + SPAWN_OUTSIDE_DEG;
            f.lat = lamin + t - 2 * width - height;
        }
        f.lat = Geo.clamp(f.lat, -89.9, 89.9);
        f.lon = Geo.wrapLon(f.lon);
    }

    private ActiveRunway pickRunway() {
        double r = rng.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int i = 0;
        while (i < cumulativeWeight.length - 1 && r >= cumulativeWeight[i]) i++;
        List<ActiveRunway> runways = runwaysByAirport.get(i);
        return runways.get(rng.nextInt(runways.size()));
    }

    /** A flight level (hundreds of feet, in steps of 1,000 ft) as metres. */
    private double flightLevelM(int minFl, int maxFl) {
        int fl = minFl + 10 * rng.nextInt((maxFl - minFl) / 10 + 1);
        return fl * 100 * 0.3048;
    }
}
