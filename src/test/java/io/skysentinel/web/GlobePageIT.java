package io.skysentinel.web;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The globe page in real headless Chromium against the real server: simulated traffic that changes only every
 * 5 s (so the page's picture and a REST answer can be caught at the same hub seq) plus fixture aircraft in the
 * South Atlantic, far from the simulated New York traffic, that the tests click, search for and follow.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=30", "skysentinel.sim.tick=5s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobePageIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    HttpJson http;
    GlobeBrowser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = GlobeBrowser.startOrSkip();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void openPage() throws InterruptedException {
        http = new HttpJson(port);
        long now = Instant.now().getEpochSecond();
        bus.publish(SourceBatch.live(
                "fixture",
                now * 1000,
                List.of(
                        plane("f00001")
                                .from("fixture")
                                .callsign("FIXTA1")
                                .at(-40.0, -20.0)
                                .alt(11_000)
                                .heading(90)
                                .country("Atlantis")
                                .seen(now)
                                .build(),
                        plane("f00002")
                                .from("fixture")
                                .callsign("FIXTA2")
                                .at(-40.5, -24.0)
                                .onGround()
                                .country("Atlantis")
                                .seen(now)
                                .build(),
                        plane("f00003")
                                .from("fixture")
                                .callsign("FIXTB3")
                                .at(-41.0, -28.0)
                                .alt(2_000)
                                .squawk("7700")
                                .country("Atlantis")
                                .seen(now)
                                .build(),
                        // Heard from 30 s ago while the rest of its source is current: past the page's 15 s ghost
                        // threshold.
                        // Moving east at 250 m/s and reported once: any motion on the page is dead reckoning.
                        plane("f00004")
                                .from("fixture")
                                .callsign("FIXTM4")
                                .at(-42.0, -22.0)
                                .alt(10_000)
                                .speed(250)
                                .heading(90)
                                .country("Atlantis")
                                .seen(now)
                                .build(),
                        plane("f00009")
                                .from("fixture")
                                .callsign("FIXTG9")
                                .at(-38.0, -30.0)
                                .alt(9_000)
                                .country("Atlantis")
                                .seen(now - 30)
                                .build())));
        http.await("/api/flights?source=fixture", r -> r.json().get("total").asInt() == 5, Duration.ofSeconds(10));
        browser.severeConsoleEntries(); // Chromium's log is read-once: drop what earlier tests left there
        browser.driver.get("http://127.0.0.1:" + port + "/");
        browser.await(
                WAIT,
                "the page loads the globe and a first snapshot",
                b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));
    }

    @Test
    void loadsWithoutErrorsFromItsOwnOriginOnlyAndKeepsDrawing() throws IOException {
        long frames = browser.hookLong("frames()");
        browser.await(WAIT, "frames advance", b -> b.hookLong("frames()") > frames + 10);
        assertThat(browser.hook("errors()")).as("errors seen by the page").isEqualTo(List.of());
        assertThat(browser.severeConsoleEntries()).as("severe console entries").isEmpty();

        @SuppressWarnings("unchecked")
        List<String> resources =
                (List<String>) browser.js("return performance.getEntriesByType('resource').map(e => e.name);");
        String origin = "http://127.0.0.1:" + port + "/";
        assertThat(resources)
                .as("resources the page loaded")
                .isNotEmpty()
                .anyMatch(u -> u.contains("/webjars/three/"))
                .anyMatch(u -> u.endsWith("land-50m.json"))
                .allMatch(u -> u.startsWith(origin) || u.startsWith("ws://127.0.0.1:" + port + "/"));
        assertThat(browser.hook("connectionState()")).isEqualTo("live");
        // The strip is refreshed every 15 frames, so it may trail the picture by a moment: wait until they agree.
        browser.await(
                WAIT,
                "the status strip shows the number of aircraft drawn",
                b -> b.driver.findElement(By.id("s-shown")).getText().equals(String.valueOf(b.hookLong("shown()"))));
        browser.screenshot("globe");
    }

    @Test
    void reportsTheAircraftOfApiFlightsAtTheSameHubSeq() throws InterruptedException {
        // The simulator changes the picture every 5 s; a REST answer and the page agree once both carry the same seq.
        // The page's seq, count and ids are read in one script run: a delta can be applied between two separate
        // calls (the seq read before it, the ids after it), which once made the page look one aircraft ahead.
        for (int attempt = 0; attempt < 40; attempt++) {
            JsonNode rest = http.get("/api/flights?limit=100000").json();
            @SuppressWarnings("unchecked")
            Map<String, Object> page = (Map<String, Object>) browser.js("""
                    const s = window.skysentinel;
                    return { seq: s.hubSeq(), count: s.aircraftCount(), ids: s.ids() };""");
            if (page.get("seq") instanceof Number n
                    && n.longValue() == rest.get("seq").asLong()) {
                List<String> restIds = new ArrayList<>();
                rest.get("flights").forEach(f -> restIds.add(f.get("id").asString()));
                @SuppressWarnings("unchecked")
                List<String> pageIds = (List<String>) page.get("ids");
                assertThat(((Number) page.get("count")).longValue())
                        .isEqualTo(rest.get("total").asLong());
                assertThat(pageIds).containsExactlyInAnyOrderElementsOf(restIds);
                // Everything with a position and a recent contact is drawn; the fixture heard 30 s ago as a ghost.
                assertThat(browser.hook("drawnAs('f00009')")).isEqualTo("ghost");
                assertThat(browser.hook("drawnAs('f00001')")).isEqualTo("solid");
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the page never showed the hub seq of a REST answer");
    }

    @Test
    void watchingTheSelectedAircraftCreatesARuleWhoseAlertsReachThePage() {
        browser.hook("select('f00002')");
        browser.await(
                WAIT,
                "the details panel opens",
                b -> b.driver.findElement(By.id("details")).isDisplayed());
        browser.driver.findElement(By.id("d-watch")).click();
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = browser.await(WAIT, "the rule is watched", b -> {
            List<Map<String, Object>> w = (List<Map<String, Object>>) b.hook("watchlist()");
            return w.stream()
                    .filter(r -> "watch FIXTA2".equals(r.get("name")))
                    .findFirst()
                    .orElse(null);
        });
        long id = ((Number) rule.get("id")).longValue();
        HttpJson.Response stored = http.get("/api/alerts/rules/" + id);
        assertThat(stored.json().get("when").get("id").asString()).isEqualTo("f00002");
        long before = ((Number) browser.hook("alertsReceived()")).longValue();
        long now = Instant.now().getEpochSecond();
        bus.publish(SourceBatch.live(
                "fixture",
                now * 1000,
                List.of(plane("f00002")
                        .from("fixture")
                        .callsign("FIXTA2")
                        .at(-40.5, -24.0)
                        .onGround()
                        .country("Atlantis")
                        .seen(now + 1)
                        .build())));
        browser.await(
                WAIT,
                "the alert frame reaches the page",
                b -> ((Number) b.hook("alertsReceived()")).longValue() > before);
        assertThat(browser.driver.findElement(By.id("watch-list")).getText()).contains("watch FIXTA2");
    }

    @Test
    void clickingAnAircraftOpensItsPanel() {
        browser.hook("flyTo(-40.0, -20.0, 1.25)");
        browser.await(WAIT, "the camera arrives", b -> Boolean.FALSE.equals(b.hook("flying()")));
        @SuppressWarnings("unchecked")
        Map<String, Object> at = browser.await(WAIT, "the fixture is on screen", b -> {
            Map<String, Object> s = (Map<String, Object>) b.hook("screenOf('f00001')");
            return s != null && Boolean.TRUE.equals(s.get("visible")) ? s : null;
        });
        WebElement canvas = browser.driver.findElement(By.cssSelector("#globe canvas"));
        int dx = (int) Math.round(
                ((Number) at.get("x")).doubleValue() - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(
                ((Number) at.get("y")).doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser.driver).moveToElement(canvas, dx, dy).click().perform();

        browser.await(
                WAIT,
                "the details panel opens",
                b -> b.driver.findElement(By.id("details")).isDisplayed());
        assertThat(browser.hook("selected()")).isEqualTo("f00001");
        assertThat(browser.driver.findElement(By.id("d-title")).getText()).isEqualTo("FIXTA1");
        assertThat(field("id")).isEqualTo("f00001");
        assertThat(field("icao24")).isEqualTo("f00001");
        assertThat(field("country")).isEqualTo("Atlantis");
        assertThat(field("altitude")).isEqualTo("11000 m");
        assertThat(field("source")).isEqualTo("fixture");
    }

    @Test
    void callsignSearchNarrowsTheListAndTheSubscription() {
        browser.driver.findElement(By.id("f-callsign")).sendKeys("fixta");
        browser.await(
                WAIT,
                "the result list shows the two FIXTA aircraft",
                b -> List.of("f00001", "f00002").equals(b.hook("searchResults()")));
        // The filter went to the server: the page's picture shrinks to what matches.
        browser.await(WAIT, "the server sends only matching aircraft", b -> b.hookLong("aircraftCount()") == 2);
        assertThat(browser.hook("subscription()")).isEqualTo(Map.of("callsign", "fixta"));

        browser.driver
                .findElement(By.cssSelector("#results li[data-id='f00002']"))
                .click();
        assertThat(browser.hook("selected()")).isEqualTo("f00002");
        assertThat(browser.driver.findElement(By.id("d-title")).getText()).isEqualTo("FIXTA2");
    }

    @Test
    void cockpitButtonLocksTheCameraBehindTheAircraftUntilEscape() throws IOException {
        browser.hook("select('f00001')");
        browser.driver.findElement(By.id("cockpit")).click();
        assertThat(browser.hook("cameraLocked()")).isEqualTo("f00001");
        browser.await(WAIT, "the camera sits just behind the aircraft", b -> {
            @SuppressWarnings("unchecked")
            List<Number> cam = (List<Number>) b.hook("cameraPosition()");
            @SuppressWarnings("unchecked")
            List<Number> plane = (List<Number>) b.hook("worldOf('f00001')");
            double d = 0;
            for (int i = 0; i < 3; i++)
                d += Math.pow(cam.get(i).doubleValue() - plane.get(i).doubleValue(), 2);
            return Math.sqrt(d) < 0.01; // ~60 km at the globe's scale; the orbit view starts 1.8 Earth radii out
        });
        browser.screenshot("globe-cockpit");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.hook("cameraLocked()")).isNull();
    }

    @Test
    void anomalyEventsAreListedAndMarkedOnTheGlobe() {
        // The analytics may send real events meanwhile (a fixture squawks 7700): count what the injected one adds.
        long listed = browser.hookLong("eventsListed()");
        long markers = browser.hookLong("eventMarkers()");
        browser.hook("injectFrame({type: 'event', time: Date.now(), event: {kind: 'squawk_7700', time: Date.now(),"
                + " id: 'f00003', callsign: 'INJECT9', lat: -41.0, lon: -28.0, altitude_m: 2000.0, details: {}}})");
        assertThat(browser.hookLong("eventsListed()")).isGreaterThanOrEqualTo(listed + 1);
        assertThat(browser.hookLong("eventMarkers()")).isGreaterThanOrEqualTo(markers + 1);
        assertThat(browser.driver.findElement(By.id("event-list")).getText()).contains("squawk 7700 INJECT9");
        assertThat(browser.hook("errors()")).isEqualTo(List.of());
    }

    @Test
    void betweenReportsAnAircraftMovesAlongItsHeading() throws InterruptedException {
        Map<String, Object> first = place("f00004");
        Thread.sleep(2_000);
        Map<String, Object> later = place("f00004");
        assertThat(num(later, "lon")).as("longitude, heading east").isGreaterThan(num(first, "lon"));
        // Due east for 2 s at 250 m/s is ~0.01° of longitude here and almost no change in latitude.
        assertThat(num(later, "lat")).isCloseTo(num(first, "lat"), org.assertj.core.data.Offset.offset(0.005));
        assertThat(num(later, "lon") - num(first, "lon")).isLessThan(0.2);
    }

    @Test
    void zoomingInSubscribesToTheVisibleRegionOnly() throws IOException {
        browser.hook("flyTo(40.7, -74.0, 1.15)"); // New York, where the simulated traffic is
        browser.await(
                WAIT,
                "the subscription carries the visible box",
                b -> b.hook("subscription()") instanceof Map<?, ?> m && m.containsKey("bbox"));
        browser.await(
                WAIT,
                "the South Atlantic fixtures leave the page's picture",
                b -> !((List<?>) b.hook("ids()")).contains("f00001"));
        assertThat(browser.hookLong("aircraftCount()"))
                .as("New York traffic still there")
                .isPositive();
        browser.await(WAIT, "the camera arrives", b -> Boolean.FALSE.equals(b.hook("flying()")));
        browser.screenshot("globe-new-york");
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) ((Map<String, Object>) browser.hook("subscription()")).get("bbox");
        assertThat(box.get(0).doubleValue()).isLessThan(40.7);
        assertThat(box.get(2).doubleValue()).isGreaterThan(40.7);
    }

    @Test
    void playbackSwitchesTheFeedAndLiveComesBack() {
        // /ws/playback may or may not be served by this build; either way the page must not break.
        browser.driver.findElement(By.id("p-play")).click();
        browser.await(WAIT, "the feed leaves the live stream", b -> !"live".equals(b.hook("connectionState()")));
        browser.driver.findElement(By.id("p-live")).click();
        browser.await(
                WAIT,
                "back on the live stream with aircraft",
                b -> "live".equals(b.hook("connectionState()")) && b.hookLong("aircraftCount()") > 0);
        assertThat(browser.hook("errors()")).isEqualTo(List.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> place(String id) {
        return (Map<String, Object>) browser.await(WAIT, id + " is drawn", b -> b.hook("placeOf('" + id + "')"));
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private String field(String name) {
        return browser.driver
                .findElement(By.cssSelector("#d-fields dd[data-field='" + name + "']"))
                .getText();
    }
}
