package dev.beacon.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/** The jobs panel against {@link JobsApiStub}, a stand-in of the jobs API, until Beacon's own is merged. */
class JobsPanelStubTest extends JobsPanelContract {

    private static JobsApiStub stub;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.startIfInstalled();
        stub = JobsApiStub.start();
    }

    @Override
    void requireJobsApi() {
        Browser.requireChromium();
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, stub);
    }

    @Override
    Browser browser() {
        return browser;
    }

    @Override
    URI dashboard() {
        return stub.uri();
    }
}
