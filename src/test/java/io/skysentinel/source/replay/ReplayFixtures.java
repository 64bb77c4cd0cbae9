package io.skysentinel.source.replay;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where the tests' recordings come from: the hand-written fixture, or temporary files. */
final class ReplayFixtures {

    /** Hand-written: good frame (17- and 18-column rows), blank, truncated body, frame with a bad row, frame. */
    static final String SMALL = "/replay/small.jsonl";

    static final long T1 = 1615108010, T2 = 1615108020, T3 = 1615108030;

    private ReplayFixtures() {}

    static Path small() {
        try {
            return Path.of(Objects.requireNonNull(ReplayFixtures.class.getResource(SMALL))
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    /** A minimal body with one aircraft whose contact times equal the body time. */
    static String body(long time, String icao24) {
        return "{\"time\":" + time + ",\"states\":[[\"" + icao24 + "\",\"TST1    \",\"United States\"," + time + ","
                + time + ",-73.8,40.6,1000.0,false,100.0,90.0,0,null,1010.0,\"1234\",false,0]]}";
    }
}
