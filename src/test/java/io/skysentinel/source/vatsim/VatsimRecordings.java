package io.skysentinel.source.vatsim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.core.Airport;
import io.skysentinel.core.Csv;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The recorded VATSIM feeds and the VRS airport list of ../shared/data; tests skip when they are absent. */
final class VatsimRecordings {

    private static GridAirportCatalog airports;

    private VatsimRecordings() {}

    static Path dir(String sub) {
        return SharedData.dir(sub);
    }

    static Path file(String name) {
        Path dir = dir("vatsim");
        assumeTrue(dir != null, "shared VATSIM recordings (../shared/data/vatsim) are absent");
        Path f = dir.resolve(name);
        assumeTrue(Files.isRegularFile(f), "recording " + name + " is absent");
        return f;
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VatsimFeed feed(String stamp) {
        return new VatsimFeedParser().parse(bytes("vatsim-data-" + stamp + ".json"));
    }

    /** The VRS standing-data airports (Code,Name,ICAO,IATA,Location,CountryISO2,Latitude,Longitude,AltitudeFeet). */
    static synchronized GridAirportCatalog airports() {
        if (airports != null) return airports;
        Path dir = dir("airports");
        Path csv = dir == null ? null : dir.resolve("airports-vrs-standing-data.csv");
        assumeTrue(csv != null && Files.isRegularFile(csv), "VRS airports (../shared/data/airports) are absent");
        List<Airport> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<String> lines = Files.lines(csv)) {
            lines.skip(1).forEach(line -> {
                List<String> c = Csv.split(line);
                if (c.size() < 9) return;
                String icao = !c.get(2).isBlank() ? c.get(2).strip() : c.get(0).strip();
                if (icao.isEmpty() || !seen.add(icao.toUpperCase(java.util.Locale.ROOT))) return;
                try {
                    double lat = Double.parseDouble(c.get(6));
                    double lon = Double.parseDouble(c.get(7));
                    double elev = c.get(8).isBlank() ? Double.NaN : Double.parseDouble(c.get(8)) * 0.3048;
                    String iata = c.get(3).isBlank() ? null : c.get(3).strip();
                    list.add(new Airport(icao, iata, c.get(1), lat, lon, elev, c.get(5), null));
                } catch (IllegalArgumentException e) {
                    // a row without coordinates: not an airport we can place
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        airports = new GridAirportCatalog(list);
        return airports;
    }
}
