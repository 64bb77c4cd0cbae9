package io.skysentinel.web;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.Position;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.VatsimExtras;
import io.skysentinel.testing.HttpJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * VATSIM on the globe in real headless Chromium against the real server: a network batch (pilots with flight plans,
 * controllers and an ATIS, shaped like the recorded feed of 2024-11-21) goes onto the real bus beside the simulated
 * real-world traffic, so the page sees both networks through /ws/flights and the positions through /ws/atc, and
 * fetches the outlines and airports from /api/atc-areas.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=10", "skysentinel.sim.tick=5s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobeVatsimIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PILOT = "vatsim-1234567";
    static final String ATIS = "vatsim-egll_atis";

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

    static Aircraft pilot(long cid, String callsign, double lat, double lon, double altM, FlightPlan plan, long now) {
        return Aircraft.builder("vatsim-" + cid, "vatsim")
                .callsign(callsign)
                .position(lat, lon)
                .altitudeM(altM)
                .velocityMps(230.0)
                .headingDeg(285.0)
                .squawk("2341")
                .lastContactUnix(now)
                .timePositionUnix(now)
                .vatsim(new VatsimExtras(cid, "Test Pilot", 1, 0, "UK-1", 287.0, 1013.0, now - 3600, plan))
                .build();
    }

    static AtcPosition position(
            String callsign,
            String kind,
            int facility,
            String facilityShort,
            double mhz,
            int rangeNm,
            AtcArea area,
            Position at,
            List<String> text,
            long now) {
        return new AtcPosition(
                AtcPosition.idFor("vatsim", callsign),
                callsign,
                kind,
                1_500_000 + facility,
                "Test Controller",
                new AtcPosition.Code(facility, facilityShort),
                new AtcPosition.Code(5, "C1"),
                mhz,
                rangeNm,
                kind.equals(AtcPosition.ATIS) ? "K" : null,
                text,
                now - 1800,
                now,
                at,
                area,
                "vatsim");
    }

    void publishNetwork(boolean withTower) {
        long now = Instant.now().getEpochSecond();
        FlightPlan plan = new FlightPlan(
                "I",
                "B77W/H-SDE3FGHIJ2J3J5M1RWXY/LB1D1",
                "B77W",
                "EGLL",
                "KJFK",
                "KBOS",
                "FL350",
                35_000,
                490,
                "CPT3F CPT UL9 KENET NATC ALLRY",
                "PBN/A1B1C1D1 /V/",
                "1200",
                "0745",
                "0930",
                3);
        Position heathrow = new Position(51.4775, -0.461389);
        List<AtcPosition> atc = new java.util.ArrayList<>(List.of(
                position(
                        "EGTT_CTR",
                        AtcPosition.CONTROLLER,
                        6,
                        "CTR",
                        127.825,
                        300,
                        new AtcArea(AtcArea.FIR, "EGTT", "London"),
                        new Position(52.3, -1.5),
                        null,
                        now),
                position(
                        "EGLL_ATIS",
                        AtcPosition.ATIS,
                        4,
                        "TWR",
                        128.075,
                        0,
                        new AtcArea(AtcArea.AIRPORT, "EGLL", "London Heathrow"),
                        heathrow,
                        List.of("THIS IS HEATHROW INFORMATION K", "RWY 27L IN USE FOR LANDING"),
                        now),
                position(
                        "XYZ_APP",
                        AtcPosition.CONTROLLER,
                        5,
                        "APP",
                        119.100,
                        40,
                        new AtcArea(AtcArea.RANGE, "XYZ_APP", null),
                        new Position(50.0, -5.0),
                        null,
                        now)));
        if (withTower)
            atc.add(position(
                    "EGLL_TWR",
                    AtcPosition.CONTROLLER,
                    4,
                    "TWR",
                    118.500,
                    50,
                    new AtcArea(AtcArea.AIRPORT, "EGLL", "London Heathrow"),
                    heathrow,
                    null,
                    now));
        bus.publish(SourceBatch.network(
                "vatsim",
                now * 1000,
                List.of(
                        pilot(1234567, "BAW117", 53.2, -15.0, 10_668, plan, now),
                        pilot(1400001, "VIR3", 52.0, -10.0, 11_000, null, now),
                        // over England, inside the London FIR: the centre's workload
                        pilot(1400002, "EZY12", 52.0, -1.0, 9_000, null, now)),
                atc));
    }

    @BeforeEach
    void openPage() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        bus.publish(SourceBatch.live(
                "fixture",
                now * 1000,
                List.of(plane("f00011")
                        .from("fixture")
                        .callsign("REAL1")
                        .at(52.5, -12.0)
                        .alt(11_000)
                        .seen(now)
                        .build())));
        publishNetwork(true);
        new HttpJson(port)
                .await("/api/flights?source=vatsim", r -> r.json().get("total").asInt() == 3, WAIT);
        browser.severeConsoleEntries();
        browser.driver.get("http://127.0.0.1:" + port + "/");
        browser.await(
                WAIT,
                "the page loads the globe, a first snapshot and the ATC positions",
                b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready()"
                        + " && window.skysentinel.atcCount() === 4);")));
        browser.hook("flyTo(52.0, -6.0, 1.6)");
        browser.await(WAIT, "the camera arrives", b -> Boolean.FALSE.equals(b.hook("flying()")));
    }

    @Test
    void vatsimPilotsAreStyledApartAndSwitchable() throws IOException {
        browser.await(
                WAIT,
                "both networks drawn",
                b -> "vatsim".equals(b.hook("drawnAs('" + PILOT + "')"))
                        && "solid".equals(b.hook("drawnAs('f00011')")));
        browser.screenshot("globe-vatsim");
        browser.driver.findElement(By.id("n-vatsim")).click();
        browser.await(WAIT, "VATSIM pilots hidden", b -> b.hook("drawnAs('" + PILOT + "')") == null);
        assertThat(browser.hook("drawnAs('f00011')"))
                .as("real-world traffic stays")
                .isEqualTo("solid");
        browser.driver.findElement(By.id("n-vatsim")).click();
        browser.await(WAIT, "VATSIM pilots back", b -> "vatsim".equals(b.hook("drawnAs('" + PILOT + "')")));
        assertThat(browser.hook("errors()")).isEqualTo(List.of());
    }

    @Test
    void selectingAVatsimPilotShowsItsFlightPlanAndDrawsTheRoute() {
        browser.hook("select('" + PILOT + "')");
        assertThat(field("from")).isEqualTo("EGLL");
        assertThat(field("to")).isEqualTo("KJFK");
        assertThat(field("type")).isEqualTo("B77W");
        assertThat(field("route")).isEqualTo("CPT3F CPT UL9 KENET NATC ALLRY");
        assertThat(field("CID")).isEqualTo("1234567");
        @SuppressWarnings("unchecked")
        Map<String, Object> route =
                browser.await(WAIT, "the route is drawn", b -> (Map<String, Object>) b.hook("route()"));
        assertThat(route).containsEntry("departure", "EGLL").containsEntry("arrival", "KJFK");
        assertThat(route).containsEntry("departure_known", true).containsEntry("arrival_known", true);
        // EGLL → 15° W is ~10° of arc, 15° W → KJFK ~50°: one point per degree on each leg.
        assertThat(((Number) route.get("points")).intValue()).isGreaterThan(50);

        browser.hook("select('vatsim-1400001')");
        assertThat(field("flight plan")).isEqualTo("none filed");
        browser.await(WAIT, "no route without a plan", b -> b.hook("route()") == null);
    }

    @Test
    void atcPositionsAreDrawnAsTheirAirspaceAndCarryTheirAtis() {
        @SuppressWarnings("unchecked")
        Map<String, Object> ctr = browser.await(WAIT, "the London FIR outline is fetched and drawn", b -> {
            Map<String, Object> d = (Map<String, Object>) b.hook("atcDrawn('EGTT_CTR')");
            return d != null && ((Number) d.get("outline_vertices")).intValue() > 0 ? d : null;
        });
        assertThat(((Number) ctr.get("outline_vertices")).intValue())
                .as("a real FIR polygon")
                .isGreaterThan(100);
        assertThat(ctr).containsEntry("label", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> ring = (Map<String, Object>) browser.hook("atcDrawn('XYZ_APP')");
        assertThat(((Number) ring.get("outline_vertices")).intValue())
                .as("a 64-step range ring")
                .isEqualTo(128);
        @SuppressWarnings("unchecked")
        Map<String, Object> atis = (Map<String, Object>) browser.hook("atcDrawn('EGLL_ATIS')");
        assertThat(((Number) atis.get("outline_vertices")).intValue())
                .as("an ATIS has no airspace")
                .isZero();

        // A click on the centre's label selects the position.
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) browser.hook("atcAnchor('EGTT_CTR')");
        assertThat(at.get("visible")).isEqualTo(true);
        WebElement canvas = browser.driver.findElement(By.cssSelector("#globe canvas"));
        int dx = (int) Math.round(
                ((Number) at.get("x")).doubleValue() - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(
                ((Number) at.get("y")).doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser.driver).moveToElement(canvas, dx, dy).click().perform();
        browser.await(WAIT, "the centre is selected", b -> "vatsim-egtt_ctr".equals(b.hook("selected()")));
        assertThat(browser.driver.findElement(By.id("d-title")).getText()).isEqualTo("EGTT_CTR");
        assertThat(field("frequency")).isEqualTo("127.825 MHz");
        assertThat(field("area")).isEqualTo("fir EGTT · London");
        // its workload: one pilot over England, in the panel and as the outline's shade
        browser.await(
                WAIT, "the workload is fetched", b -> field("aircraft now").startsWith("1 ("));
        assertThat(field("in 30 min")).endsWith("over");
        assertThat(field("last hour"))
                .as("the trend from history: twelve 5-minute bars and the peak")
                .matches("[▁▂▃▄▅▆▇█]{12} peak \\d+");
        @SuppressWarnings("unchecked")
        Map<String, Object> shaded = browser.await(WAIT, "the outline is shaded by its workload", b -> {
            Map<String, Object> d = (Map<String, Object>) b.hook("atcDrawn('EGTT_CTR')");
            return d.get("aircraft") instanceof Number n && n.intValue() == 1 ? d : null;
        });
        assertThat(((Number) shaded.get("opacity")).doubleValue()).isGreaterThan(0.45);

        browser.hook("select('" + ATIS + "')");
        assertThat(field("controller")).isEqualTo("Test Controller");
        assertThat(field("ATIS code")).isEqualTo("K");
        assertThat(browser.hook("detailsText()"))
                .isEqualTo("THIS IS HEATHROW INFORMATION K\nRWY 27L IN USE FOR LANDING");

        browser.driver.findElement(By.id("n-atc")).click();
        assertThat(browser.hook("atcVisible()"))
                .as("the ATC switch hides the layer")
                .isEqualTo(false);
        browser.driver.findElement(By.id("n-atc")).click();
        assertThat(browser.hook("atcVisible()")).isEqualTo(true);
    }

    @Test
    void aPositionThatLogsOffLeavesThePage() {
        browser.await(WAIT, "the tower is drawn", b -> b.hook("atcDrawn('EGLL_TWR')") != null);
        publishNetwork(false);
        browser.await(WAIT, "the tower leaves", b -> b.hook("atcDrawn('EGLL_TWR')") == null);
        assertThat(browser.hookLong("atcCount()")).isEqualTo(3);
        publishNetwork(true);
        browser.await(WAIT, "the tower is back", b -> b.hook("atcDrawn('EGLL_TWR')") != null);
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
