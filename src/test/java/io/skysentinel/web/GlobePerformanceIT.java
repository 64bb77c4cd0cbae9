package io.skysentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The globe with 10,000 simulated aircraft (worldwide mode) in headless Chromium's software WebGL. Asserts that
 * the page takes the whole picture, draws it without JavaScript errors and keeps its frame loop running; the
 * frame rate is measured and reported (target/benchmarks/globe-fps.txt, docs/benchmarks.md), not asserted.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=sim", "skysentinel.sim.count=10000", "skysentinel.sim.tick=1s"})
class GlobePerformanceIT {

    static final int AIRCRAFT = 10_000;
    static final Duration MEASURE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    /**
     * The pages to measure, one after the other in this run: {@code -Dglobe.pages=/?worker=0,/} compares decoding
     * on the page's thread with decoding in the Web Worker (docs/benchmarks.md); CI measures the default page only.
     */
    static final String PAGES = System.getProperty("globe.pages", "/");

    @Test
    void tenThousandAircraftKeepTheFrameLoopRunning() throws Exception {
        HttpJson http = new HttpJson(port);
        http.await("/api/flights?limit=1", r -> r.json().get("total").asInt() >= AIRCRAFT, Duration.ofSeconds(30));
        StringBuilder all = new StringBuilder();
        for (String page : PAGES.split(",")) all.append(measure(http, page.strip()));
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("globe-fps.txt");
        Files.writeString(out, all);
    }

    private String measure(HttpJson http, String page) throws Exception {
        try (GlobeBrowser browser = GlobeBrowser.startOrSkip()) {
            browser.driver.get("http://127.0.0.1:" + port + page);
            Duration wait = Duration.ofSeconds(120);
            browser.await(
                    wait,
                    "the page loads the globe and a first snapshot",
                    b -> Boolean.TRUE.equals(b.js("return !!(window.skysentinel && window.skysentinel.ready());")));
            browser.await(
                    wait,
                    "all simulated aircraft are in the page's picture",
                    b -> b.hookLong("aircraftCount()") >= AIRCRAFT);

            Object timing0 = browser.hook("timing()");
            long frames0 = browser.hookLong("frames()");
            Instant t0 = Instant.now();
            Thread.sleep(MEASURE.toMillis());
            long frames1 = browser.hookLong("frames()");
            double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            long shown = browser.hookLong("shown()");
            double fps = (frames1 - frames0) / seconds;

            assertThat(frames1).as("frames drawn during the measurement").isGreaterThan(frames0);
            assertThat(shown).as("aircraft drawn").isGreaterThanOrEqualTo(AIRCRAFT * 9L / 10);
            assertThat(browser.hook("errors()")).as("errors seen by the page").isEqualTo(List.of());
            assertThat(browser.severeConsoleEntries())
                    .as("severe console entries")
                    .isEmpty();
            browser.screenshot("globe-10000" + (page.contains("worker=0") ? "-main-thread" : ""));

            String line = String.format(
                    Locale.ROOT,
                    "globe " + page + " (decoding in a worker: " + browser.hook("decodesInWorker()")
                            + "): %d aircraft in the picture, %d drawn, %.1f frames/s over %.1f s (headless Chromium, "
                            + "software renderer detected: %s,"
                            + " %dx%d; %d CPUs, load average %s)%n  page timing before %s%n  page timing after  %s%n  "
                            + "server: %s%n",
                    browser.hookLong("aircraftCount()"),
                    shown,
                    fps,
                    seconds,
                    browser.hook("softwareRendering()"),
                    browser.driver.manage().window().getSize().getWidth(),
                    browser.driver.manage().window().getSize().getHeight(),
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage(),
                    timing0,
                    browser.hook("timing()"),
                    pushFigures(http));
            System.out.print(line);
            return line;
        }
    }

    /** The server's push counters for the run: how many deltas it produced for the page and what it dropped. */
    private static String pushFigures(HttpJson http) {
        return http.get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("skysentinel_ws_frames_total")
                        || l.startsWith("skysentinel_ws_resyncs_total")
                        || l.startsWith("skysentinel_ws_dropped_frames_total"))
                .map(l -> l.replaceAll("application=\"skysentinel\",?", ""))
                .reduce((a, b) -> a + "; " + b)
                .orElse("no push metrics");
    }

    /** The machine's 1-minute load average (Linux), to read the frame rate against; "?" elsewhere. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
