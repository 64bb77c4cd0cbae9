package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.statevector.StatesBody;
import io.skysentinel.testing.RecordingBus;
import io.skysentinel.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real OpenSky {@code /states/all} bodies from the shared data folder (never copied into the repository), served
 * through the fake server: every row the parser accepts must come out of the source, and nothing else.
 */
class OpenSkyRecordedDataIT {

    FakeOpenSky fake;
    OpenSkySource source;

    static Path dataDir() {
        return SharedData.dirWith("opensky", java.util.List.of("states-global-20251228-01.json"));
    }

    @AfterEach
    void tearDown() {
        if (source != null) source.stop();
        if (fake != null) fake.close();
    }

    @Test
    void everyParsableRowOfTheRecordedBodiesIsPublished() throws Exception {
        Path dir = dataDir();
        assumeThat(dir)
                .as("shared OpenSky recordings (../shared/data/opensky) are not present")
                .isNotNull();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("states-.*\\.json"))
                    .sorted()
                    .toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("states-global-20251228-01.json", "states-global-20220408-extended.json");

        fake = new FakeOpenSky();
        for (Path f : files) fake.script.add(FakeOpenSky.Reply.ok(Files.readString(f)));
        fake.fallback = FakeOpenSky.Reply.ok(FakeOpenSky.body(1)).delayed(500);
        RecordingBus bus = new RecordingBus();
        source = new OpenSkySource(
                OpenSkyProperties.defaults().toBuilder()
                        .baseUrl(fake.baseUrl())
                        .regions(List.of())
                        .minIntervals(Duration.ofMillis(20), Duration.ofMillis(20))
                        .dailyCredits(10_000_000)
                        .build(),
                bus,
                new SimpleMeterRegistry(),
                Clock.systemUTC());
        source.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> bus.batches().size() >= files.size());

        StateVectorParser parser = new StateVectorParser();
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < files.size(); i++) {
            byte[] raw = Files.readAllBytes(files.get(i));
            StatesBody expected = parser.parse(raw, "opensky");
            SourceBatch batch = bus.batches().get(i);
            int rows = json.readTree(raw).get("states").size();
            assertThat(batch.observedAtMs()).as(files.get(i).toString()).isEqualTo(expected.timeUnix() * 1000);
            assertThat(batch.aircraft())
                    .as(files.get(i).toString())
                    .hasSize(rows - expected.rejectedRows())
                    .isEqualTo(expected.aircraft());
        }
        assertThat(bus.batches()
                        .get(files.indexOf(dir.resolve("states-global-20251228-01.json")))
                        .aircraft())
                .hasSize(6_553);
        long categorised =
                bus
                        .batches()
                        .get(files.indexOf(dir.resolve("states-global-20220408-extended.json")))
                        .aircraft()
                        .stream()
                        .map(a -> a.category())
                        .filter(Objects::nonNull)
                        .count();
        assertThat(categorised).as("18-column bodies carry category").isEqualTo(4_181);
    }
}
