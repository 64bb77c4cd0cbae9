package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.history.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `airports import FILE`: the command's argument handling, and the import into a real embedded PostgreSQL. */
class AirportImportCommandIT {

    @Test
    void importsTheCsvIntoTheAirportsTable() throws Exception {
        Path csv =
                Path.of(getClass().getResource("/history/airports-sample.csv").toURI());
        try (TestDatabase db = new TestDatabase()) {
            assertThat(AirportImportCommand.importFile(db.jdbc, csv)).isZero();
            assertThat(db.count("SELECT count(*) FROM airports")).isEqualTo(4);
            assertThat(AirportImportCommand.importFile(db.jdbc, csv)).isZero(); // again: upserted, not duplicated
            assertThat(db.count("SELECT count(*) FROM airports")).isEqualTo(4);
        }
    }

    @Test
    void notAnOurAirportsFileIsRefusedWithStatus1() throws Exception {
        Path bad = Files.createTempFile("not-airports", ".csv");
        Files.writeString(bad, "a,b\n1,2\n");
        try (TestDatabase db = new TestDatabase()) {
            assertThat(AirportImportCommand.importFile(db.jdbc, bad)).isEqualTo(1);
        } finally {
            Files.delete(bad);
        }
    }

    @Test
    void usageErrorsExitWith2BeforeTouchingAnyDatabase() {
        assertThat(AirportImportCommand.matches(new String[] {"airports", "import", "x.csv"}))
                .isTrue();
        assertThat(AirportImportCommand.matches(new String[] {"--server.port=1"}))
                .isFalse();
        assertThat(AirportImportCommand.run(new String[] {"airports", "import"}))
                .isEqualTo(2);
        assertThat(AirportImportCommand.run(new String[] {"airports", "import", "/no/such/file.csv"}))
                .isEqualTo(2);
    }
}
