package io.skysentinel.analytics.airports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.core.Airport;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuiltInAirportsTest {

    static final List<Airport> AIRPORTS = BuiltInAirports.airports();

    @Test
    void coversEveryContinentWithTheBusiestAirportsAndTheSimulatorScenario() {
        Set<String> regions = AIRPORTS.stream().map(Airport::region).collect(Collectors.toSet());
        assertThat(regions).containsExactlyInAnyOrder("AF", "AN", "AS", "EU", "NA", "OC", "SA");
        assertThat(AIRPORTS).hasSizeGreaterThanOrEqualTo(300);
        assertThat(AIRPORTS)
                .extracting(Airport::icao)
                .contains(
                        "KJFK", "KLGA", "KEWR", "KTEB", "KHPN", "LSZH", "LSGG", "KDEN", "KBDU", "KLAX", "KDAB", "EDDF",
                        "EGLL", "OMDB", "ZBAA", "YSSY", "SBGR", "FAOR");
    }

    @Test
    void everyRowIsWellFormed() {
        for (Airport a : AIRPORTS) {
            assertThat(a.icao()).as("icao").matches("[A-Z0-9]{4}");
            if (a.iata() != null) assertThat(a.iata()).as(a.icao() + " iata").matches("[A-Z0-9]{3}");
            assertThat(a.country()).as(a.icao() + " country").matches("[A-Z]{2}");
            assertThat(a.region()).as(a.icao() + " region").isIn("AF", "AN", "AS", "EU", "NA", "OC", "SA");
            assertThat(a.elevationM()).as(a.icao() + " elevation").isBetween(-50.0, 4_500.0);
        }
        assertThat(AIRPORTS.stream().map(Airport::icao).distinct().count()).isEqualTo(AIRPORTS.size());
    }

    @Test
    void runwayHeadingsComeOutOfTheThresholdPositionsAndMatchTheirDesignators() {
        List<RunwayEnd> runways = BuiltInAirports.runways();
        assertThat(runways).isNotEmpty();
        for (RunwayEnd r : runways) {
            int number = Integer.parseInt(r.designator().replaceAll("[^0-9]", ""));
            // Designators follow the magnetic heading (and Denver numbers its parallel 90° runways 07 and 08 to tell
            // them apart): within 25° of the true heading.
            double diff = Math.abs(io.skysentinel.core.Geo.turnDeg(number * 10.0, r.trueHeadingDeg()));
            assertThat(diff).as(r.toString()).isLessThan(25);
            assertThat(AIRPORTS).extracting(Airport::icao).contains(r.airportIcao());
        }
    }

    /**
     * Cross-check against the VRS standing data (CC0, ../shared/data/airports): every built-in airport must be there
     * by ICAO, within 0.05° and in the same country. Skipped when the file is absent.
     */
    @Test
    void everyAirportAgreesWithTheVrsStandingData() throws IOException {
        Path file = SharedData.file("airports", "airports-vrs-standing-data.csv");
        assumeTrue(file != null, "VRS standing data (../shared/data/airports) is absent");
        Map<String, List<String>> byIcao = new HashMap<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.skip(1)
                    .map(io.skysentinel.core.Csv::split)
                    .filter(c -> c.size() >= 9 && !c.get(2).isBlank())
                    .forEach(c -> byIcao.putIfAbsent(c.get(2), c));
        }
        List<String> problems = new ArrayList<>();
        for (Airport a : AIRPORTS) {
            List<String> v = byIcao.get(a.icao());
            if (v == null) {
                problems.add(a.icao() + " not in VRS");
                continue;
            }
            double lat = Double.parseDouble(v.get(6)), lon = Double.parseDouble(v.get(7));
            if (Math.abs(lat - a.lat()) > 0.05 || Math.abs(lon - a.lon()) > 0.05)
                problems.add(a.icao() + " at " + a.lat() + "," + a.lon() + " but VRS has " + lat + "," + lon);
            if (!v.get(5).equals(a.country()))
                problems.add(a.icao() + " country " + a.country() + " but VRS has " + v.get(5));
        }
        assertThat(problems).isEmpty();
    }
}
