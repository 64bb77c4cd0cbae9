package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Csv;
import io.skysentinel.testing.HttpJson;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Flights told who they are, on the real application: a local OpenSky serves the recorded global snapshot of
 * 2025-12-28, and every flight the VRS standing data knows carries its registration and type in /api/flights exactly
 * as the raw table (read here with the test's own split) has them; the type, registration and operator filters
 * select exactly the flights whose {@code aircraft} object says so. Skipped without ../shared/data.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.history.enabled=false"})
class EnrichedFlightsIT {

    private static FakeOpenSky fake;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void openSky(DynamicPropertyRegistry r) throws IOException {
        Path body = SharedData.file("opensky", "states-global-20251228-01.json");
        Assumptions.assumeTrue(body != null, "../shared/data is absent");
        fake = new FakeOpenSky();
        fake.fallback = FakeOpenSky.Reply.ok(Files.readString(body));
        r.add("skysentinel.sources", () -> "opensky");
        r.add("skysentinel.opensky.base-url", fake::baseUrl);
        r.add("skysentinel.opensky.token-url", fake::tokenUrl);
    }

    @AfterAll
    static void stop() {
        if (fake != null) fake.close();
    }

    @Test
    void knownAircraftCarryTheirRegistrationAndTypeAndTheFiltersSelectByThem() throws Exception {
        Path vrs = SharedData.file("aircraft", "aircraft-vrs-standing-data.csv");
        Assumptions.assumeTrue(vrs != null, "../shared/data is absent");
        Map<String, List<String>> table = new HashMap<>();
        List<String> lines = Files.readAllLines(vrs);
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            table.put(c.get(0).toLowerCase(Locale.ROOT), c);
        }
        HttpJson http = new HttpJson(port);
        JsonNode flights = http.await(
                        "/api/flights?limit=100000",
                        r -> r.status() == 200 && r.json().get("total").asInt() > 1000,
                        Duration.ofSeconds(60))
                .json()
                .get("flights");

        int known = 0;
        JsonNode sample = null;
        for (JsonNode f : flights) {
            JsonNode info = f.get("aircraft");
            assertThat(info.isObject()).as("every flight has the object").isTrue();
            List<String> row = table.get(f.get("icao24").asString());
            if (row == null) continue;
            known++;
            assertThat(text(info, "registration"))
                    .as(f.get("icao24").asString())
                    .isEqualTo(blank(row.get(1)));
            assertThat(text(info, "type")).as(f.get("icao24").asString()).isEqualTo(blank(row.get(2)));
            if (sample == null
                    && !info.get("registration").isNull()
                    && !info.get("type").isNull()) sample = f;
        }
        assertThat(known).as("flights of the snapshot the standing data knows").isGreaterThan(100);
        assertThat(sample).isNotNull();

        String type = sample.get("aircraft").get("type").asString();
        long ofType = 0;
        for (JsonNode f : flights) if (type.equals(text(f.get("aircraft"), "type"))) ofType++;
        JsonNode byType = http.get("/api/flights?limit=100000&type=" + type.toLowerCase(Locale.ROOT))
                .json();
        assertThat(byType.get("total").asLong()).isEqualTo(ofType);
        for (JsonNode f : byType.get("flights"))
            assertThat(f.get("aircraft").get("type").asString()).isEqualTo(type);

        String reg = sample.get("aircraft").get("registration").asString();
        JsonNode byReg =
                http.get("/api/flights?registration=" + reg.replace("-", "")).json();
        assertThat(byReg.get("flights"))
                .extracting(f -> f.get("id").asString())
                .contains(sample.get("id").asString());

        assertThat(http.get("/api/flights?type=NOT-A-TYPE").status()).isEqualTo(400);
        assertThat(http.get("/api/flights?type=NOT-A-TYPE").body()).contains("type");
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
