package io.skysentinel.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.AircraftInfo;
import io.skysentinel.core.Csv;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped standing data against the recorded global snapshots: every icao24 seen that the VRS table knows gets
 * its registration and type exactly as that table has them (read here with the test's own split), and the FlightAware
 * export imported on top gives its own values. Skipped without ../shared/data.
 */
class StandingDataTest {

    private static final Pattern ICAO24 = Pattern.compile("\\[\"([0-9a-f]{6})\"");

    @Test
    void theShippedTablesLoad() {
        AircraftDatabase db = StandingData.load(List.of()).database();
        assertThat(db.size()).isEqualTo(16_873);
        assertThat(db.typeCount()).as("distinct designators of the 11,084 rows").isEqualTo(2_857);
        assertThat(db.airlineCount()).isGreaterThan(5_000);
        assertThat(db.info(null, "UAL1", "A388").wake()).isEqualTo("H");
        assertThat(db.info(null, "UAL1", null).airline()).isEqualTo("United Airlines");
    }

    @Test
    void everyKnownAircraftInTheRecordedSnapshotsGetsItsRegistrationAndType() throws IOException {
        Path vrs = SharedData.file("aircraft/aircraft-vrs-standing-data.csv");
        Assumptions.assumeTrue(vrs != null, "../shared/data is absent");
        Map<String, String[]> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(vrs);
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            expected.put(c.get(0).toLowerCase(Locale.ROOT), new String[] {c.get(1), c.get(2)});
        }
        AircraftDatabase db = StandingData.load(List.of()).database();
        int checked = 0;
        for (String name : List.of(
                "states-global-20211017-01.json",
                "states-global-20220408-extended.json",
                "states-global-20251228-01.json")) {
            Path f = SharedData.file("opensky/" + name);
            if (f == null) continue;
            Matcher m = ICAO24.matcher(Files.readString(f));
            while (m.find()) {
                String[] want = expected.get(m.group(1));
                if (want == null) continue;
                AircraftInfo got = db.info(m.group(1), null, null);
                assertThat(got.registration()).as(m.group(1)).isEqualTo(blankToNull(want[0]));
                assertThat(got.type()).as(m.group(1)).isEqualTo(blankToNull(want[1]));
                checked++;
            }
        }
        assertThat(checked).as("aircraft of the snapshots the table knows").isGreaterThan(100);
    }

    @Test
    void theFlightAwareExportImportedOnTopGivesItsOwnValues() throws IOException {
        Path fa = SharedData.file("aircraft/aircraft-flightaware-20250514-slice.csv");
        Assumptions.assumeTrue(fa != null, "../shared/data is absent");
        AircraftDatabase db = StandingData.load(List.of(fa)).database();
        assertThat(db.size()).isGreaterThan(270_000);
        int checked = 0;
        for (String line : Files.readAllLines(fa).subList(1, 2_000)) {
            List<String> c = Csv.split(line);
            if (c.get(1).isBlank()) continue;
            assertThat(db.info(c.get(0), null, null).registration()).isEqualTo(c.get(1));
            if (!c.get(2).isBlank())
                assertThat(db.info(c.get(0), null, null).type()).isEqualTo(c.get(2));
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
