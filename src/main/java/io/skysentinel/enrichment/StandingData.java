package io.skysentinel.enrichment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aircraft database a process runs with: the VRS standing data shipped in the jar (CC0, src/main/resources/
 * reference/README.md), then each file an operator names (ENRICHMENT_AIRCRAFT_FILES), later files overriding earlier
 * ones field by field. Loading a million-row import takes a few seconds at start; nothing is rebuilt.
 */
public final class StandingData {

    private static final Logger log = LoggerFactory.getLogger(StandingData.class);
    static final String AIRCRAFT = "/reference/aircraft-vrs-standing-data.csv.gz";
    static final String TYPES = "/reference/model-types-vrs-standing-data.csv.gz";
    static final String AIRLINES = "/reference/airlines-vrs-standing-data.csv.gz";

    /** The database and what each input gave. */
    public record Loaded(AircraftDatabase database, List<String> reports) {}

    private StandingData() {}

    /**
     * @param extraFiles files in any format {@link AircraftFiles} reads, plain or gzip'ed
     * @throws UncheckedIOException when the shipped data is missing or a named file cannot be read: an operator who
     *                              names a file wants it, so a typo stops the start instead of running without it
     */
    public static Loaded load(List<Path> extraFiles) {
        AircraftDatabase.Builder b = new AircraftDatabase.Builder();
        List<String> reports = new ArrayList<>();
        try {
            reports.add(AIRCRAFT + ": " + AircraftFiles.readAircraft(resource(AIRCRAFT), b));
            reports.add(TYPES + ": " + AircraftFiles.readTypes(resource(TYPES), b));
            reports.add(AIRLINES + ": " + AircraftFiles.readAirlines(resource(AIRLINES), b));
            for (Path p : extraFiles) {
                try (InputStream in = Files.newInputStream(p)) {
                    reports.add(p + ": " + AircraftFiles.readAircraft(in, b));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the aircraft database: " + e.getMessage(), e);
        }
        AircraftDatabase db = b.build();
        for (String r : reports) log.info("aircraft database {}", r);
        return new Loaded(db, List.copyOf(reports));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StandingData.class.getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is not on the classpath");
        return in;
    }
}
