package io.skysentinel.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through its chromedriver: no Selenium Manager, nothing downloaded.
 * Tests skip (assumption) on a machine without the two binaries; .ci/run installs them where it can.
 */
final class GlobeBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final Path profile;

    private GlobeBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, or skips the calling test with a message saying what is missing. */
    static GlobeBrowser startOrSkip() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: need " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver; .ci/run installs them when it runs as "
                        + "root)");
        Path profile = Files.createTempDirectory("skysentinel-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--enable-unsafe-swiftshader",
                "--use-angle=swiftshader",
                "--window-size=" + System.getProperty("globe.window", "1400,900"),
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new GlobeBrowser(new ChromeDriver(service, options), profile);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Evaluates an expression on the page's test hook, e.g. {@code hook("aircraftCount()")}. */
    Object hook(String expression) {
        return js("return window.skysentinel." + expression + ";");
    }

    long hookLong(String expression) {
        return ((Number) hook(expression)).longValue();
    }

    <T> T await(Duration within, String what, Function<GlobeBrowser, T> condition) {
        return new WebDriverWait(driver, within).withMessage(what).until(d -> {
            T v = condition.apply(this);
            return v instanceof Boolean b && !b ? null : v;
        });
    }

    /** Console messages at SEVERE (errors, failed loads), as Chromium reported them. */
    List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /** Saves a PNG under target/screenshots (kept as a build artifact). */
    Path screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path out = dir.resolve(name + ".png");
        Files.copy(png.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
