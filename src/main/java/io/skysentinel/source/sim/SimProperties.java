package io.skysentinel.source.sim;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the traffic simulator ({@code skysentinel.sim.*}). Every value is checked here so that a bad setting
 * fails at start-up with the setting's name, rather than as odd traffic later.
 *
 * @param count                 aircraft kept in the air (and on the ground) at every tick, 10..50,000; above
 *                              {@value TrafficSimulator#WORLDWIDE_ABOVE} the traffic becomes worldwide
 * @param seed                  the whole simulation is a function of this seed and the tick times
 * @param tick                  how often a batch is published
 * @param lamin                 region south edge, degrees
 * @param lomin                 region west edge, degrees
 * @param lamax                 region north edge, degrees
 * @param lomax                 region east edge, degrees
 * @param emergencyProbability  chance that a newly spawned flight squawks 7700/7600/7500 at some point of its life
 * @param airports              airports of the regional scenario; when absent, the five New York airports
 */
@ConfigurationProperties(prefix = "skysentinel.sim")
public record SimProperties(
        @DefaultValue("200") int count,
        @DefaultValue("42") long seed,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("40.40") double lamin,
        @DefaultValue("-74.50") double lomin,
        @DefaultValue("41.20") double lamax,
        @DefaultValue("-73.50") double lomax,
        @DefaultValue("0.002") double emergencyProbability,
        List<Airport> airports) {

    public static final int MIN_COUNT = 10;
    public static final int MAX_COUNT = 50_000;

    public SimProperties {
        if (count < MIN_COUNT || count > MAX_COUNT) {
            throw new IllegalArgumentException(
                    "skysentinel.sim.count must be between " + MIN_COUNT + " and " + MAX_COUNT + ", was " + count);
        }
        if (tick == null || tick.toMillis() < 10) {
            throw new IllegalArgumentException("skysentinel.sim.tick must be at least 10ms, was " + tick);
        }
        if (!(lamin >= -90 && lamax <= 90 && lamin < lamax)) {
            throw new IllegalArgumentException(
                    "skysentinel.sim.lamin/lamax must satisfy -90 <= lamin < lamax <= 90, was " + lamin + ".." + lamax);
        }
        if (!(lomin >= -180 && lomax <= 180 && lomin < lomax)) {
            throw new IllegalArgumentException(
                    "skysentinel.sim.lomin/lomax must satisfy -180 <= lomin < lomax <= 180, was " + lomin + ".."
                            + lomax);
        }
        if (!(emergencyProbability >= 0 && emergencyProbability <= 1)) {
            throw new IllegalArgumentException(
                    "skysentinel.sim.emergency-probability must be between 0 and 1, was " + emergencyProbability);
        }
        airports = airports == null || airports.isEmpty() ? defaultAirports() : List.copyOf(airports);
        for (int i = 0; i < airports.size(); i++) {
            Airport a = airports.get(i);
            if (a.lat() < lamin || a.lat() > lamax || a.lon() < lomin || a.lon() > lomax) {
                throw new IllegalArgumentException("skysentinel.sim.airports[" + i + "] (" + a.icao()
                        + ") lies outside the region; the regional scenario needs its airports inside it");
            }
        }
    }

    /** The defaults, as bound from an empty configuration. */
    public static SimProperties defaults() {
        return new SimProperties(200, 42, Duration.ofSeconds(1), 40.40, -74.50, 41.20, -73.50, 0.002, null);
    }

    public SimProperties withCount(int newCount) {
        return new SimProperties(newCount, seed, tick, lamin, lomin, lamax, lomax, emergencyProbability, airports);
    }

    public SimProperties withSeed(long newSeed) {
        return new SimProperties(count, newSeed, tick, lamin, lomin, lamax, lomax, emergencyProbability, airports);
    }

    public SimProperties withTick(Duration newTick) {
        return new SimProperties(count, seed, newTick, lamin, lomin, lamax, lomax, emergencyProbability, airports);
    }

    /** JFK, EWR, LGA, TEB, HPN: reference points, field elevation and one true heading per physical runway. */
    public static List<Airport> defaultAirports() {
        return List.of(
                new Airport("KJFK", 40.6398, -73.7789, 4.0, List.of(31.0, 121.0), 3.0),
                new Airport("KEWR", 40.6925, -74.1687, 5.5, List.of(26.0, 95.0), 3.0),
                new Airport("KLGA", 40.7772, -73.8726, 6.4, List.of(32.0, 122.0), 2.5),
                new Airport("KTEB", 40.8501, -74.0608, 2.7, List.of(3.0, 48.0), 1.0),
                new Airport("KHPN", 41.0670, -73.7076, 133.8, List.of(150.0, 102.0), 0.7));
    }

    /**
     * An airport of the regional scenario.
     *
     * @param runwayHeadingsDeg one true heading per physical runway; the simulator picks, per runway and from the
     *                          seed, which of the two directions is in use
     * @param weight            relative share of the regional departures and arrivals
     */
    public record Airport(
            String icao,
            double lat,
            double lon,
            double elevationM,
            List<Double> runwayHeadingsDeg,
            @DefaultValue("1") double weight) {
        public Airport {
            if (icao == null || icao.isBlank())
                throw new IllegalArgumentException("skysentinel.sim.airports[].icao is required");
            if (runwayHeadingsDeg == null || runwayHeadingsDeg.isEmpty()) {
                throw new IllegalArgumentException(
                        "skysentinel.sim.airports[] " + icao + " needs at least one runway heading");
            }
            runwayHeadingsDeg = List.copyOf(runwayHeadingsDeg);
            if (!(weight > 0))
                throw new IllegalArgumentException("skysentinel.sim.airports[] " + icao + " weight must be > 0");
        }
    }
}
