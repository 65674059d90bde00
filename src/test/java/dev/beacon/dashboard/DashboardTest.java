package dev.beacon.dashboard;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Hub;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

/**
 * The dashboard in headless Chromium against the embedded server: every panel follows live events published over
 * HTTP, event data stays text, and a dropped connection resumes without duplicates. History keeps 20 events per
 * topic, so a test can make the page miss events. Each test loads the page afresh.
 */
class DashboardTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static TestServer server;
    private static Browser browser;
    private static Feeds feeds;

    @BeforeAll
    static void start() {
        browser = Browser.startIfInstalled();
        // The built-in clock, stats and ticker feeds are off: every event the page shows is one this test published.
        server = TestServer.start(BeaconConfig.HISTORY_SIZE, "20", dev.beacon.feeds.Feeds.OFF, "clock,stats,ticker");
        feeds = new Feeds(new Http(server));
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    @BeforeEach
    void openDashboard() {
        Browser.requireChromium();
        browser.open(server.uri().toString());
        browser.await("the page connects", attributeToBe(By.id("connection"), "data-state", "connected"));
    }

    @Test
    void loadsWithoutConsoleErrorsAndEveryPanelUpdatesLive() {
        feeds.alert("load-1", "Crime Alley", "high");
        feeds.stats(Map.of("cpu_percent", 42.0, "memory_percent", 61.5));
        feeds.quote("AAPL", "AAPL", 190.25, 1.5);
        feeds.clock(Instant.parse("2026-11-21T12:00:00Z"));

        awaitAlerts("load-1", 1);
        browser.await("the CPU gauge", textToBe(By.id("cpu-value"), "42.0 %"));
        browser.await("the AAPL price", textToBe(By.cssSelector("tr[data-symbol='AAPL'] .price"), "190.25"));
        browser.await("the clock", attributeToBe(By.id("clock"), "datetime", "2026-11-21T12:00:00.000Z"));

        List<LogEntry> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    @Test
    void alertsShowNewestFirstWithSeverityTimeAndCountsPerDistrict() {
        feeds.alert("order-1", "Crime Alley", "low");
        feeds.alert("order-2", "The Narrows", "medium");
        feeds.alert("order-3", "Crime Alley", "high");

        browser.await("three alerts", numberOfElementsToBe(By.cssSelector("#alerts-list li"), 3));
        List<String> ids = browser.findAll("#alerts-list li").stream().map(li -> li.getAttribute("data-crime-id"))
                .toList();
        assertEquals(List.of("order-3", "order-2", "order-1"), ids, "newest first");
        assertEquals("high", browser.find("li[data-crime-id='order-3'] .severity").getText().toLowerCase());
        assertTrue(browser.find("li[data-crime-id='order-3']").getAttribute("class").contains("alert-high"),
                "the severity also sets the colour");
        assertTrue(browser.find("li[data-crime-id='order-1'] time").getText().endsWith("ago"));
        assertEquals("3", browser.find("#alerts-total").getText());
        List<String> districts = browser.findAll("#district-counts li").stream().map(li -> li.getText()).toList();
        assertEquals(List.of("Crime Alley\n2", "The Narrows\n1"), districts);
    }

    @Test
    void monitorShowsGaugesFiguresAndChartAndDashesForMissingFields() {
        feeds.stats(Map.of("cpu_percent", 12.5, "memory_percent", 48.0, "memory_used_mb", 7800.0,
                "memory_total_mb", 16000.0, "load_average", 0.75, "subscribers", 3.0));
        feeds.stats(Map.of("cpu_percent", 30.0, "memory_percent", 50.0));

        browser.await("the latest CPU", textToBe(By.id("cpu-value"), "30.0 %"));
        assertEquals("50.0 %", browser.find("#memory-value").getText());
        assertEquals("–", browser.find("#load-average").getText(), "a field the last sample lacks");
        assertEquals("–", browser.find("#heap").getText());
        assertEquals(2, browser.find("#chart-cpu").getAttribute("points").split(" ").length,
                "one chart point per sample");
    }

    @Test
    void tickerShowsPriceChangeAndSparklineForNamedAndPlainQuotes() {
        feeds.quote("MSFT", "MSFT", 410.0, -2.0);
        feeds.quote("MSFT", "MSFT", 412.5, 2.5);
        feeds.quote(null, "NVDA", 120.0, 1.0);

        browser.await("the MSFT price", textToBe(By.cssSelector("tr[data-symbol='MSFT'] .price"), "412.50"));
        browser.await("a row for a symbol seen only in a message event",
                textToBe(By.cssSelector("tr[data-symbol='NVDA'] .price"), "120.00"));
        assertEquals("up", browser.find("tr[data-symbol='MSFT']").getAttribute("data-direction"));
        assertTrue(browser.find("tr[data-symbol='MSFT'] .change").getText().startsWith("▲ +2.50"));
        assertEquals(2, browser.find("tr[data-symbol='MSFT'] .spark-line").getAttribute("points").split(" ").length);
    }

    @Test
    void hostileAlertLocationShowsAsText() {
        feeds.alert("hostile-1", HOSTILE, "high");

        awaitAlerts("hostile-1", 1);
        assertEquals(HOSTILE, browser.find("li[data-crime-id='hostile-1'] .alert-location").getText());
        assertTrue(browser.findAll("#alerts-list img").isEmpty(), "no element was made from event data");
        assertTrue(browser.findAll("#district-counts img").isEmpty());
    }

    @Test
    void reconnectsAfterTheServerDropsTheStreamAndResumesWithoutDuplicates() {
        feeds.alert("drop-1", "Park Row", "low");
        feeds.alert("drop-2", "Park Row", "medium");
        awaitAlerts("drop-2", 1);

        server.bean(Hub.class).closeAll();
        browser.await("the page notices the drop", attributeToBe(By.id("connection"), "data-state", "reconnecting"));
        feeds.alert("drop-3", "Park Row", "high");
        browser.await("the page reconnects", attributeToBe(By.id("connection"), "data-connects", "2"));
        feeds.alert("drop-4", "Park Row", "low");

        awaitAlerts("drop-4", 1);
        awaitAlerts("drop-3", 1);
        for (String id : List.of("drop-1", "drop-2", "drop-3", "drop-4")) {
            assertEquals(1, browser.findAll("li[data-crime-id='" + id + "']").size(), id + " shows exactly once");
        }
        assertEquals("connected", browser.find("#connection").getAttribute("data-state"));
    }

    @Test
    void showsEventsMissedWhenHistoryNoLongerHoldsThem() {
        feeds.alert("gap-0", "Old Gotham", "low");
        awaitAlerts("gap-0", 1);

        server.bean(Hub.class).closeAll();
        browser.await("the page notices the drop", attributeToBe(By.id("connection"), "data-state", "reconnecting"));
        for (int i = 1; i <= 25; i++) {
            feeds.alert("gap-" + i, "Old Gotham", "medium");
        }

        browser.await("the gap is shown", attributeToBe(By.id("connection"), "data-state", "gap"));
        awaitAlerts("gap-25", 1);
        assertTrue(browser.find("#connection-text").getText().startsWith("Events missed"));
        assertTrue(browser.findAll("li[data-crime-id='gap-1']").isEmpty(), "gap-1 fell out of the history");
    }

    @Test
    void fullDashboardLooksRightAtDesktopAndPhoneWidths() {
        String[][] alerts = {{"GC-1041", "Crime Alley", "high"}, {"GC-1042", "The Narrows", "medium"},
            {"GC-1043", "Old Gotham", "low"}, {"GC-1044", "Crime Alley", "medium"}, {"GC-1045", "Diamond District", "high"},
            {"GC-1046", "Robinson Park", "low"}, {"GC-1047", HOSTILE, "medium"}, {"GC-1048", "Crime Alley", "low"}};
        for (String[] alert : alerts) {
            feeds.alert(alert[0], alert[1], alert[2]);
        }
        for (int i = 0; i < 24; i++) {
            feeds.stats(Map.of("cpu_percent", 35 + 25 * Math.sin(i / 3.0), "memory_percent", 55 + 5 * Math.cos(i / 5.0),
                    "process_cpu_percent", 4.2, "memory_used_mb", 9120.0, "memory_total_mb", 16384.0,
                    "heap_used_mb", 212.0, "heap_max_mb", 1024.0, "load_average", 1.27, "subscribers", 4.0));
            feeds.quote("AAPL", "AAPL", 190 + 3 * Math.sin(i / 2.0), 0.8);
            feeds.quote("GOOGL", "GOOGL", 171 - i * 0.4, -0.4);
            feeds.quote("MSFT", "MSFT", 410 + (i % 5) - i * 0.1, 1.1);
        }
        feeds.clock(Instant.now());
        awaitAlerts("GC-1048", 1);
        browser.await("the last quote", numberOfElementsToBe(By.cssSelector("tr[data-symbol]"), 3));
        browser.await("every sample", d -> browser.find("#chart-cpu").getAttribute("points").split(" ").length == 24);

        Path desktop = browser.screenshot(Path.of("target", "dashboard-desktop.png"));
        browser.resize(390, 844);
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at phone width");
        Path phone = browser.screenshot(Path.of("target", "dashboard-phone.png"));
        browser.resize(1280, 1000);
        assertTrue(desktop.toFile().length() > 0 && phone.toFile().length() > 0);
    }

    private static void awaitAlerts(String crimeId, int count) {
        browser.await("alert " + crimeId,
                numberOfElementsToBe(By.cssSelector("li[data-crime-id='" + crimeId + "']"), count));
    }
}
