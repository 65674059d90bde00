package dev.beacon.dashboard;

import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The jobs panel against Beacon's own jobs API. Skipped while the server has none (it comes with issue 3);
 * {@link JobsPanelStubTest} runs the same tests against a stand-in of that API meanwhile.
 */
class JobsDashboardTest extends JobsPanelContract {

    private static TestServer server;
    private static Browser browser;
    private static boolean jobsApi;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jobsApi = hasJobsApi(new Http(server));
        browser = jobsApi ? Browser.startIfInstalled() : null;
    }

    /** Assumed per test, so each is reported as skipped. */
    @Override
    void requireJobsApi() {
        Assumptions.assumeTrue(jobsApi, "needs the jobs API of issue 3");
        Browser.requireChromium();
    }

    /** Probes with a one-step job (it ends by itself); 404 means there is no jobs API. */
    private static boolean hasJobsApi(Http http) {
        int status = http.send(HttpRequest.newBuilder(http.api("jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"training\",\"total_epochs\":1,\"steps_per_epoch\":1}"))).statusCode();
        return status != 404;
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
