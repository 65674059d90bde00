package dev.beacon.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium from Debian's packages, driven through its own chromedriver, so Selenium Manager never downloads
 * a browser. Without Chromium the test is skipped with the package to install, except on CI ({@code CI=true}), where
 * a missing browser fails the run. Each browser gets a fresh profile, deleted on close.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "Browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver";
    private static final System.Logger LOG = System.getLogger(Browser.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser, or null when Chromium is not installed: tests then call {@link #requireChromium()} to skip. */
    static Browser startIfInstalled() {
        return installed() ? start() : null;
    }

    static Browser start() {
        requireChromium();
        Path profile = tempProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(service, new ChromeDriver(service, options(profile)), profile);
    }

    /** Skips (or on CI fails) when Debian's chromium or chromium-driver is not installed. */
    static void requireChromium() {
        boolean present = installed();
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(MISSING + " (CI=true: a missing browser fails the run)");
        }
        if (!present && !WARNED.getAndSet(true)) {
            LOG.log(System.Logger.Level.WARNING, MISSING);
        }
        Assumptions.assumeTrue(present, MISSING);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // No arrival animation (the page honours reduced motion): an alert caught mid fade-in has opacity 0,
                // and WebDriver reads the text of an invisible element as empty.
                "--force-prefers-reduced-motion",
                // The machine has no network but loopback: no lookups of anything else.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static Path tempProfile() {
        try {
            return Files.createTempDirectory("beacon-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** A cookie for the site, set through the DevTools protocol, so it is there before the first page loads. */
    void setCookie(java.net.URI site, String name, String value) {
        driver.executeCdpCommand("Network.setCookie", Map.of("name", name, "value", value, "url", site.toString()));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits up to 15 s for the condition, polling often, and answers its value. */
    <T> T await(String what, ExpectedCondition<T> condition) {
        return await(what, Duration.ofSeconds(15), condition);
    }

    <T> T await(String what, Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .withMessage(what)
                .until(condition);
    }

    /** The console's errors since the last call (the browser log is drained by reading it). */
    List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the whole page, beyond the viewport, through the DevTools protocol. */
    Path screenshot(Path file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes each that was started, in order, even when closing one fails. */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("Closing failed", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the browser profile " + profile, e);
        }
    }
}
