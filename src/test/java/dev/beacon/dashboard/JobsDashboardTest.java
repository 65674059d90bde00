package dev.beacon.dashboard;

import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/** The jobs panel in a real browser against Beacon's own jobs API. */
class JobsDashboardTest extends JobsPanelContract {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.startIfInstalled();
        if (browser != null) {
            // Starting and cancelling jobs needs the token once one is set; the page sends its cookie's value.
            browser.setCookie(server.uri(), "beacon_token", TestServer.TOKEN);
        }
    }

    @Override
    void requireJobsApi() {
        Browser.requireChromium();
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, server);
    }

    @Override
    Browser browser() {
        return browser;
    }

    @Override
    URI dashboard() {
        return server.uri();
    }
}
