package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.OpenSkyExtras;
import io.skysentinel.core.VatsimExtras;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Aircraft and status values for the wire tests. */
final class WireFixtures {

    static final long T0_MS = 1_766_888_059_123L;
    static final long T0_S = T0_MS / 1000;

    private WireFixtures() {}

    /** Every field set, with values that exercise the number kinds: negative, fractional, large, small ints. */
    static Aircraft full() {
        return Aircraft.adsb("3c6444", "opensky")
                .callsign("DLH9LF")
                .originCountry("Germany")
                .position(50.0379123456789, -8.5622016789)
                .altitudeM(11277.6)
                .geoAltitudeM(11521.44)
                .velocityMps(236.52)
                .headingDeg(278.13)
                .verticalRateMps(-4.55)
                .onGround(false)
                .squawk("1000")
                .spi(true)
                .category(6)
                .timePositionUnix(T0_S - 1)
                .lastContactUnix(T0_S)
                .opensky(new OpenSkyExtras(2, List.of(1, 300, 70_000)))
                .aircraft(new io.skysentinel.core.AircraftInfo(
                        "D-AIXA",
                        "A359",
                        "Airbus",
                        "A350-941",
                        "Lufthansa",
                        "DLH",
                        2016,
                        "H",
                        2,
                        "jet",
                        "landplane",
                        "Lufthansa"))
                .build();
    }

    /** Every nullable field null: no icao24, no OpenSky group (a network id). */
    static Aircraft allNull() {
        return Aircraft.builder("vatsim-1234567", "sim").lastContactUnix(T0_S).build();
    }

    /** A VATSIM pilot: no icao24, the vatsim group with a whole flight plan (values from a recorded 2024 feed). */
    static Aircraft vatsimPilot() {
        FlightPlan plan = new FlightPlan(
                "I",
                "E50P/L-L/LB2",
                "E50P",
                "SKBG",
                "SKMD",
                "SKBO",
                "28000",
                28_000,
                398,
                "EJA2F EJA W26 DIPRA DCT RNG",
                "PBN/B2D2O2S2 DOF/241120 REG/N7642C PER/B /V/",
                "2130",
                "0036",
                "0201",
                0);
        return Aircraft.builder("vatsim-1275025", "vatsim")
                .callsign("N7642C")
                .position(6.21685, -75.58956)
                .altitudeM(4890 * 0.3048)
                .velocityMps(0.0)
                .onGround(true)
                .squawk("7000")
                .lastContactUnix(T0_S)
                .vatsim(new VatsimExtras(1275025, "A Pilot", 0, 0, "USA-EAST2", 285.0, 1021.0, T0_S - 3600, plan))
                .build();
    }

    /** Non-ASCII and characters JSON must escape. */
    static Aircraft unicode() {
        return Aircraft.adsb("abcdef", "replay")
                .callsign("ÅÆØ\"\\é✈")
                .originCountry("Côte d'Ivoire 🇨🇮\n")
                .position(-33.9, 151.2)
                .lastContactUnix(T0_S)
                .build();
    }

    /** {@code n} distinct airborne aircraft, fully populated, with positions spread over the globe. */
    static List<Aircraft> many(int n) {
        List<Aircraft> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lat = -89.5 + (i * 0.0179) % 179.0;
            double lon = -179.5 + (i * 0.0359) % 359.0;
            list.add(Aircraft.adsb(String.format("%06x", 0x100000 + i), "opensky")
                    .callsign("TST" + i)
                    .originCountry(i % 2 == 0 ? "United States" : "Germany")
                    .position(lat, lon)
                    .altitudeM(1000 + i * 1.25)
                    .geoAltitudeM(1050 + i * 1.5)
                    .velocityMps(120 + (i % 200) * 0.7)
                    .headingDeg((i * 7.3) % 360)
                    .verticalRateMps(((i % 21) - 10) * 0.65)
                    .squawk(String.format("%04o", i % 4096))
                    .category(i % 21)
                    .timePositionUnix(T0_S - i % 10)
                    .lastContactUnix(T0_S)
                    .opensky(new OpenSkyExtras(i % 4, i % 3 == 0 ? List.of(i % 500) : null))
                    .build());
        }
        return list;
    }

    static StatusFrame statusWithRateLimit() {
        return new StatusFrame(
                T0_MS,
                12_345,
                678,
                2.75,
                true,
                new StatusFrame.RateLimit("oauth2", 3712, 4000, 4, 7.5, 0, Instant.parse("2026-12-29T00:00:00Z")));
    }

    static StatusFrame statusWithoutRateLimit() {
        return new StatusFrame(T0_MS, 0, 0, null, false, null);
    }
}
