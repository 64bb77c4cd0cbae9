package io.skysentinel.web;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The live feed decoded in a Web Worker (the default) and on the page's own thread ({@code ?worker=0}): either way
 * the page's picture is the REST picture at the same hub seq, a removal reaches it, and nothing fails on the page.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=40", "skysentinel.sim.tick=2s"})
class GlobeWorkerIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @ParameterizedTest
    @CsvSource({"/, true", "/?worker=0, false"})
    void thePagesPictureIsTheRestPictureAndRemovalsReachIt(String path, boolean inWorker) throws Exception {
        HttpJson http = new HttpJson(port);
        String id = inWorker ? "f0a001" : "f0a002";
        long now = Instant.now().getEpochSecond();
        bus.publish(SourceBatch.live(
                "fixture-" + id,
                now * 1000,
                List.of(plane(id)
                        .from("fixture-" + id)
                        .callsign("WRK" + id.substring(4))
                        .at(-30, -30)
                        .seen(now)
                        .build())));
        try (GlobeBrowser browser = GlobeBrowser.startOrSkip()) {
            browser.driver.get("http://127.0.0.1:" + port + path);
            browser.await(
                    WAIT,
                    "the page is ready",
                    b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));
            assertThat(browser.hook("decodesInWorker()")).isEqualTo(inWorker);
            // The page frames the traffic and then subscribes to what it sees; from far out it sees the world.
            browser.await(WAIT, "the opening flight ends", b -> Boolean.FALSE.equals(b.hook("flying()")));
            browser.hook("flyTo(0, 0, 8)");
            browser.await(
                    WAIT,
                    "the page watches the whole world",
                    b -> Boolean.FALSE.equals(b.hook("flying()"))
                            && !((Map<?, ?>) b.hook("subscription()")).containsKey("bbox"));
            browser.await(WAIT, "the fixture reaches the page", b -> pageIds(b).contains(id));
            assertSamePictureAsRest(http, browser);

            // A complete batch without the fixture: the hub removes it, and the page must too.
            bus.publish(SourceBatch.live("fixture-" + id, System.currentTimeMillis(), List.of())
                    .asComplete());
            browser.await(WAIT, "the removal reaches the page", b -> !pageIds(b).contains(id));
            assertSamePictureAsRest(http, browser);
            assertThat(browser.hook("errors()")).isEqualTo(List.of());
            assertThat(browser.severeConsoleEntries()).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> pageIds(GlobeBrowser b) {
        return (List<String>) b.hook("ids()");
    }

    /** Reads the page's seq, count and ids in one script run (a delta can land between two calls). */
    @SuppressWarnings("unchecked")
    static void assertSamePictureAsRest(HttpJson http, GlobeBrowser browser) throws InterruptedException {
        for (int attempt = 0; attempt < 80; attempt++) {
            JsonNode rest = http.get("/api/flights?limit=100000").json();
            Map<String, Object> page = (Map<String, Object>) browser.js("""
                    const s = window.skysentinel;
                    return { seq: s.hubSeq(), count: s.aircraftCount(), ids: s.ids() };""");
            if (page.get("seq") instanceof Number n
                    && n.longValue() == rest.get("seq").asLong()) {
                List<String> restIds = new ArrayList<>();
                rest.get("flights").forEach(f -> restIds.add(f.get("id").asString()));
                assertThat(((Number) page.get("count")).longValue())
                        .isEqualTo(rest.get("total").asLong());
                assertThat((List<String>) page.get("ids")).containsExactlyInAnyOrderElementsOf(restIds);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed the hub seq of a REST answer");
    }
}
