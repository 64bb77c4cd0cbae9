package io.skysentinel.web;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who an aircraft is, on the globe in real headless Chromium: aircraft whose addresses are in the shipped standing
 * data (read here from the jar's own table with the test's own split) fly over the Alps beside nothing else; the page
 * opens framed on them, the search finds one by its registration and flies to it, and the details panel shows the
 * registration and type the table has, in metric and in aviation units. A selected aircraft's trail starts from its
 * stored track (the embedded PostgreSQL of the default run). No page errors.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.sim.tick=5s",
            // the simulator flies over the same Alps as the fixtures, so the opening view is one region
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
class GlobeEnrichmentIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    GlobeBrowser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = GlobeBrowser.startOrSkip();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) browser.close();
    }

    /** The first rows of the shipped aircraft table with a registration and a type: icao24, registration, type. */
    static List<String[]> knownAircraft(int n) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(
                        GlobeEnrichmentIT.class.getResourceAsStream("/reference/aircraft-vrs-standing-data.csv.gz")),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; out.size() < n && (line = r.readLine()) != null; ) {
                List<String> c = Csv.split(line);
                if (!c.get(1).isBlank() && c.get(2).matches("[A-Z0-9]{2,4}"))
                    out.add(new String[] {c.get(0).toLowerCase(Locale.ROOT), c.get(1), c.get(2)});
            }
        }
        return out;
    }

    @Test
    void theViewOpensOnTheTrafficAndSearchFindsAnAircraftWhosePanelSaysWhoItIs() throws Exception {
        List<String[]> known = knownAircraft(12);
        long now = Instant.now().getEpochSecond();
        List<io.skysentinel.core.Aircraft> fleet = new ArrayList<>();
        for (int i = 0; i < known.size(); i++)
            fleet.add(plane(known.get(i)[0])
                    .from("fixture")
                    .callsign("TST" + i)
                    .at(46.0 + (i % 4) * 0.4, 7.0 + (i / 4) * 0.6)
                    .alt(9_000 + i * 100)
                    .seen(now)
                    .build());
        bus.publish(SourceBatch.live("fixture", now * 1000, fleet));
        new HttpJson(port)
                .await("/api/flights?source=fixture", r -> r.json().get("total").asInt() == known.size(), WAIT);

        browser.severeConsoleEntries();
        browser.driver.get("http://127.0.0.1:" + port + "/");
        browser.await(
                WAIT,
                "the page is ready",
                b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));
        browser.await(WAIT, "the opening flight ends", b -> Boolean.FALSE.equals(b.hook("flying()")));
        // every fixture on screen: the view was framed on them (the default view is a whole hemisphere)
        browser.await(WAIT, "the opening view holds the traffic", b -> {
            for (String[] k : known) {
                Object at = b.hook("screenOf('" + k[0] + "')");
                if (!(at instanceof Map<?, ?> m) || !Boolean.TRUE.equals(m.get("visible"))) return null;
            }
            return true;
        });
        browser.screenshot("globe-enrichment-opening");

        String[] target = known.get(5);
        WebElement search = browser.driver.findElement(By.id("search"));
        search.sendKeys(target[1].replace("-", "").toLowerCase(Locale.ROOT));
        browser.await(WAIT, "the search suggests it", b -> {
            Object items = b.hook("searchSuggestions()");
            return items instanceof List<?> l && l.contains(target[0]) ? l : null;
        });
        browser.driver
                .findElement(By.cssSelector("#search-results li[data-id='" + target[0] + "']"))
                .click();
        browser.await(WAIT, "it is selected", b -> target[0].equals(b.hook("selected()")));
        browser.await(WAIT, "the camera arrives", b -> Boolean.FALSE.equals(b.hook("flying()")));

        assertThat(field("registration")).isEqualTo(target[1]);
        assertThat(field("aircraft")).startsWith(target[2]);
        assertThat(field("altitude")).endsWith(" m");
        browser.driver.findElement(By.id("units")).click();
        browser.await(WAIT, "aviation units", b -> field("altitude").endsWith(" ft"));
        assertThat(field("speed")).endsWith(" kt");
        browser.screenshot("globe-enrichment-details");
        browser.driver.findElement(By.id("units")).click(); // back to metric for whoever runs next

        assertThat(browser.severeConsoleEntries()).as("no page errors").isEmpty();
        assertThat((List<?>) browser.hook("errors()")).isEmpty();
    }

    @Test
    void aSelectedAircraftsTrailStartsWhereHistoryHasItNotWhereThePageFirstSawIt() throws Exception {
        // an address of its own: the test database (target/it-pg) is kept across runs
        String id = String.format("%06x", new java.util.Random().nextInt(1 << 24));
        long now = Instant.now().getEpochSecond();
        for (int m = 10; m >= 0; m--) { // ten minutes of positions before the page opens, then now
            long t = now - m * 60L;
            bus.publish(SourceBatch.live(
                    "fixture2",
                    t * 1000,
                    List.of(plane(id)
                            .from("fixture2")
                            .callsign("HIST1")
                            .at(46.2 + (10 - m) * 0.05, 8.0)
                            .alt(10_000)
                            .seen(t)
                            .build())));
        }
        new HttpJson(port)
                .await(
                        "/api/flights/" + id + "/track?from=" + (now - 3600) * 1000,
                        r -> r.status() == 200 && r.json().get("count").asInt() == 11,
                        WAIT);

        browser.driver.get("http://127.0.0.1:" + port + "/");
        browser.await(
                WAIT,
                "the page is ready",
                b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));
        browser.hook("select('" + id + "')");
        Object points = browser.await(WAIT, "the stored track is joined in front of the live trail", b -> {
            Object n = b.hook("historyPoints('" + id + "')");
            return n instanceof Number k && k.intValue() == 10 ? k : null;
        });
        assertThat(points).isNotNull();
        browser.await(WAIT, "the trail draws it", b -> {
            Object n = b.hook("trailVertices()");
            return n instanceof Number k && k.intValue() >= 11 ? k : null;
        });
        browser.screenshot("globe-history-trail");
        assertThat((List<?>) browser.hook("errors()")).isEmpty();
    }

    private String field(String name) {
        return browser.await(WAIT, "the details panel shows " + name, b -> {
            List<WebElement> dd = b.driver.findElements(By.cssSelector("#d-fields dd[data-field='" + name + "']"));
            return dd.isEmpty() || dd.get(0).getText().isEmpty()
                    ? null
                    : dd.get(0).getText();
        });
    }
}
