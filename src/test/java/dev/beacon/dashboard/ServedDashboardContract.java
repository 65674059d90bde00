package dev.beacon.dashboard;

import dev.beacon.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBeNotEmpty;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;

/**
 * The dashboard in headless Chromium as a running Beacon serves it, such as the WAR on an app server at
 * {@code /beacon/}: the page connects without console errors, every panel follows the server's own feeds (simulated
 * alerts, the ticker, the clock, real system stats), and the jobs panel works against the server's jobs API. The
 * server must run the alert simulator and the default ticker symbols. One browser serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServedDashboardContract extends JobsPanelContract {

    private Browser browser;

    /** Where the page is served, ending with a slash, such as {@code http://127.0.0.1:8080/beacon/}. */
    protected abstract URI page();

    @BeforeAll
    void startBrowser() {
        browser = Browser.startIfInstalled();
        if (browser != null) {
            // The suite's servers have a JWT key: starting and cancelling jobs, and reading a job's private topic, need
            // a token that grants job-*. The page sends its cookie's value, as an operator's browser would.
            browser.setCookie(page(), "beacon_token", Tokens.hs256(Tokens.SECRET).publish("job-*").subscribe("job-*")
                    .expiresIn(Duration.ofHours(1)).sign());
        }
    }

    @AfterAll
    void stopBrowser() {
        Browser.closeAll(browser);
    }

    @Override
    Browser browser() {
        return browser;
    }

    @Override
    URI dashboard() {
        return page();
    }

    @Override
    void requireJobsApi() {
        Browser.requireChromium();
    }

    @Test
    void everyPanelFollowsTheServersOwnFeeds() {
        browser.consoleErrors(); // drains what the jobs panel's tests left in the log (their 404 for an unknown job)
        browser.open(page().toString());
        // Connected, or connected after missing events: a server with a small subscriber queue (the black-box suite's)
        // drops a page that falls behind on a busy machine, and the page then shows the gap while it resumes.
        browser.await("the page connects", d -> Set.of("connected", "gap")
                .contains(browser.find("#connection").getAttribute("data-state")));
        browser.await("a simulated alert", d -> !browser.findAll("#alerts-list li").isEmpty());
        browser.await("a row per ticker symbol", numberOfElementsToBe(By.cssSelector("tr[data-symbol]"), 3));
        browser.await("a quoted price", textMatches(By.cssSelector("tr[data-symbol='MSFT'] .price"),
                Pattern.compile("\\d+\\.\\d\\d")));
        browser.await("the server's time", attributeToBeNotEmpty(browser.find("#clock"), "datetime"));
        Instant.parse(browser.find("#clock").getAttribute("datetime"));
        // The system monitor with real readings, not "no sample yet" (WildFly once had no stats feed at all).
        browser.await("a stats sample", textMatches(By.id("monitor-updated"),
                Pattern.compile("^updated ")));
        browser.await("the CPU gauge", textMatches(By.id("cpu-value"), Pattern.compile("\\d+\\.\\d %")));
        browser.await("the memory gauge", textMatches(By.id("memory-value"),
                Pattern.compile("\\d+\\.\\d %")));
        assertTrue(browser.find("#memory-used").getText().matches("\\d+\\.\\d / \\d+\\.\\d GB"),
                browser.find("#memory-used").getText());

        List<LogEntry> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }
}
