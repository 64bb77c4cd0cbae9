package io.skysentinel.web;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Csv;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The globe's look in real headless Chromium: aircraft whose addresses the shipped standing data knows as an EC135,
 * an A320 and a Cessna 172, and two unknown addresses that say by their ADS-B emitter category that they are a glider
 * and a surface vehicle, fly over the Alps; each is drawn with its category's silhouette. The relief texture and the
 * country borders load, the altitude legend is there and follows the units switch, labels appear when zoomed in and
 * not when zoomed out (but the selected aircraft keeps its label and ring). No page errors.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.sim.tick=5s",
            "skysentinel.sim.lamin=45.5",
            "skysentinel.sim.lomin=6.5",
            "skysentinel.sim.lamax=47.5",
            "skysentinel.sim.lomax=9.5",
            "skysentinel.sim.airports[0].icao=LSZH",
            "skysentinel.sim.airports[0].lat=47.4647",
            "skysentinel.sim.airports[0].lon=8.5492",
            "skysentinel.sim.airports[0].elevation-m=432",
            "skysentinel.sim.airports[0].runway-headings-deg=140,280"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobeLookIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String SOURCE = "look";

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    GlobeBrowser browser;
    /** category the page must draw → icao24 of the fixture that is one. */
    final Map<String, String> expected = new LinkedHashMap<>();

    final ScheduledExecutorService republisher = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    void startBrowserAndPublish() throws IOException, InterruptedException {
        browser = GlobeBrowser.startOrSkip();
        Map<String, String> byType = new HashMap<>();
        Set<String> known = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(
                        GlobeLookIT.class.getResourceAsStream("/reference/aircraft-vrs-standing-data.csv.gz")),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                List<String> c = Csv.split(line);
                String icao = c.get(0).toLowerCase(Locale.ROOT);
                known.add(icao);
                if (List.of("EC35", "A320", "C172").contains(c.get(2))) byType.putIfAbsent(c.get(2), icao);
            }
        }
        expected.put("helicopter", byType.get("EC35")); // species H in the type table
        expected.put("airliner", byType.get("A320")); // jet, wake M
        expected.put("small", byType.get("C172")); // piston, wake L
        Random random = new Random();
        expected.put("glider", unknownAddress(random, known)); // ADS-B category 9
        expected.put("ground", unknownAddress(random, known)); // ADS-B category 17 (service vehicle)

        publish();
        new HttpJson(port)
                .await(
                        "/api/flights?source=" + SOURCE,
                        r -> r.json().get("total").asInt() == expected.size(),
                        WAIT);
        // the server drops aircraft not heard from for 60 s: keep the fixtures reporting while the test runs
        republisher.scheduleAtFixedRate(this::publish, 5, 5, TimeUnit.SECONDS);
    }

    /** The fixtures, reported now. */
    void publish() {
        long now = Instant.now().getEpochSecond();
        List<Aircraft> fleet = new ArrayList<>();
        int i = 0;
        for (var e : expected.entrySet()) {
            var p = plane(e.getValue())
                    .from(SOURCE)
                    .callsign("LOOK" + i)
                    .at(46.3 + (i % 3) * 0.25, 7.6 + (i / 3) * 0.5)
                    // altitudes are drawn ×25: low enough to stay below the camera close in
                    .alt(e.getKey().equals("airliner") ? 3_000 : 1_500)
                    .speed(0)
                    .heading(40 + 60 * i)
                    .seen(now);
            if (e.getKey().equals("ground")) p.onGround();
            Aircraft a = p.build();
            Integer category = switch (e.getKey()) {
                case "glider" -> 9;
                case "ground" -> 17;
                default -> null;
            };
            fleet.add(category == null ? a : a.toBuilder().category(category).build());
            i++;
        }
        bus.publish(SourceBatch.live(SOURCE, now * 1000, fleet));
    }

    static String unknownAddress(Random random, Set<String> known) {
        while (true) {
            String id = String.format("%06x", random.nextInt(1 << 24));
            if (!known.contains(id)) return id;
        }
    }

    @AfterAll
    void stopBrowser() {
        republisher.shutdownNow();
        if (browser != null) browser.close();
    }

    @Test
    void silhouettesLegendLabelsReliefAndBorders() throws Exception {
        browser.severeConsoleEntries();
        browser.driver.get("http://127.0.0.1:" + port + "/");
        browser.await(
                WAIT,
                "the page is ready",
                b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));

        Map<?, ?> look = (Map<?, ?>) browser.hook("look()");
        assertThat(look.get("texture")).as("the relief image loaded").isEqualTo("relief");
        assertThat(((Number) look.get("borderSegments")).intValue())
                .as("country borders drawn")
                .isGreaterThan(5_000);

        for (var e : expected.entrySet()) {
            browser.await(
                    WAIT,
                    e.getValue() + " is drawn as " + e.getKey(),
                    b -> e.getKey().equals(b.hook("categoryOf('" + e.getValue() + "')")));
        }
        Map<?, ?> counts = (Map<?, ?>) browser.hook("categories()");
        long sum = counts.values().stream()
                .mapToLong(v -> ((Number) v).longValue())
                .sum();
        assertThat(sum).as("every drawn aircraft has one category").isEqualTo(browser.hookLong("shown()"));
        assertThat(((Number) counts.get("helicopter")).intValue()).isGreaterThanOrEqualTo(1);

        // the legend: ground + ten altitude cells, in metres until the units button says otherwise
        assertThat(browser.driver.findElement(By.id("legend")).isDisplayed()).isTrue();
        Map<?, ?> legend = (Map<?, ?>) browser.hook("legend()");
        assertThat(legend.get("unit")).isEqualTo("m");
        assertThat(strings(legend.get("shapes")))
                .containsExactly("airliner", "small", "helicopter", "glider", "ground", "default");
        assertThat(strings(legend.get("labels")))
                .hasSize(11)
                .startsWith("GND", "0")
                .endsWith("12k+");

        // zoomed out, nothing selected: no labels
        String heli = expected.get("helicopter");
        browser.hook("select(null)");
        browser.hook("flyTo(46.6, 8.0, 3.0)");
        browser.await(WAIT, "the camera arrives far out", b -> Boolean.FALSE.equals(b.hook("flying()")));
        browser.await(WAIT, "no labels from afar", b -> labelsDrawn(b).isEmpty());
        assertThat(((Map<?, ?>) browser.hook("labels()")).get("active")).isEqualTo(false);

        // selected from afar: only the selected aircraft is labelled (with its ring)
        browser.hook("select('" + heli + "')");
        browser.await(
                WAIT,
                "the selected aircraft keeps its label",
                b -> labelsDrawn(b).equals(List.of(heli)));
        browser.driver.findElement(By.id("units")).click();
        browser.await(
                WAIT, "the legend follows the units", b -> "ft".equals(((Map<?, ?>) b.hook("legend()")).get("unit")));
        assertThat(strings(((Map<?, ?>) browser.hook("legend()")).get("labels")))
                .endsWith("40k+");
        browser.driver.findElement(By.id("units")).click(); // back to metric for whoever runs next
        browser.hook("select(null)");

        // zoomed in: the fixtures are labelled, at most 200 labels
        browser.hook("flyTo(46.55, 7.85, 1.025)");
        browser.await(WAIT, "the camera arrives close in", b -> Boolean.FALSE.equals(b.hook("flying()")));
        List<?> drawn = browser.await(WAIT, "labels close in", b -> {
            List<?> l = labelsDrawn(b);
            return l.containsAll(expected.values()) ? l : null;
        });
        assertThat(drawn).hasSizeLessThanOrEqualTo(200);
        browser.hook("select('" + expected.get("airliner") + "')");
        browser.await(WAIT, "the selected one is labelled", b -> labelsDrawn(b).contains(expected.get("airliner")));
        browser.screenshot("globe-look");
        // the region (labels still on): the picture docs/img/globe.png is taken from
        browser.hook("flyTo(46.5, 8.0, 1.11)");
        browser.await(WAIT, "the camera arrives over the region", b -> Boolean.FALSE.equals(b.hook("flying()")));
        browser.await(WAIT, "labels over the region", b -> labelsDrawn(b).size() >= expected.size());
        browser.screenshot("globe-look-region");

        assertThat(browser.severeConsoleEntries()).as("no page errors").isEmpty();
        assertThat((List<?>) browser.hook("errors()")).isEmpty();
    }

    @Test
    void withoutTheReliefImageTheLandIsFilledFromTheCoastlines() {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand(
                "Network.setBlockedURLs", Map.of("urls", List.of("*natural-earth-2-relief.jpg")));
        try {
            browser.driver.get("http://127.0.0.1:" + port + "/");
            browser.await(
                    WAIT,
                    "the page is ready without the image",
                    b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));
            Map<?, ?> look = (Map<?, ?>) browser.hook("look()");
            assertThat(look.get("texture")).isEqualTo("fallback");
            assertThat(((Number) look.get("borderSegments")).intValue()).isGreaterThan(5_000);
            browser.await(WAIT, "aircraft drawn", b -> b.hookLong("shown()") >= expected.size());
            assertThat((List<?>) browser.hook("errors()")).isEmpty();
        } finally {
            browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static List<?> labelsDrawn(GlobeBrowser b) {
        return (List<?>) ((Map<?, ?>) b.hook("labels()")).get("drawn");
    }
}
