package dev.beacon.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

/**
 * The jobs panel in the browser against a server of the jobs API: start runs the bar to 100 % and shows complete,
 * cancel shows cancelled, and a reload during a job follows the same job with its real progress.
 */
abstract class JobsPanelContract {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    /** The browser of the test class, started in its {@code @BeforeAll}. */
    abstract Browser browser();

    /** Where the dashboard is served, with the jobs API under {@code api/jobs}. */
    abstract URI dashboard();

    /** Skips (or, under CI=true, fails) the test when it cannot run, such as without Chromium. */
    void requireJobsApi() {
    }

    @BeforeEach
    void openDashboardWithNoRememberedJob() {
        requireJobsApi();
        browser().open(dashboard().toString());
        browser().script("localStorage.clear()");
        browser().open(dashboard().toString());
        browser().await("the jobs panel is idle", attributeToBe(By.id("job-state"), "data-state", "idle"));
    }

    @Test
    void startingAJobRunsTheBarTo100PercentAndShowsComplete() {
        startJob(3, 4);

        browser().await("the job completes", JOB_TIMEOUT, attributeToBe(By.id("job-state"), "data-state", "complete"));
        assertEquals("100", browser().find("#job-progress").getAttribute("aria-valuenow"));
        assertEquals("3 / 3", browser().find("#job-epoch").getText());
        assertEquals("true", String.valueOf(browser().find("#job-cancel").getAttribute("disabled")));
        assertEquals(null, browser().script("return localStorage.getItem('beacon.job')"), "a finished job is forgotten");
    }

    @Test
    void cancellingARunningJobShowsCancelled() {
        startJob(1000, 50);
        browser().await("the job runs", attributeToBe(By.id("job-state"), "data-state", "running"));
        awaitSomeProgress();

        browser().find("#job-cancel").click();

        browser().await("the job is cancelled", JOB_TIMEOUT,
                attributeToBe(By.id("job-state"), "data-state", "cancelled"));
    }

    @Test
    void reloadingDuringAJobPicksItUpWithItsRealProgress() {
        startJob(1000, 50);
        awaitSomeProgress();
        String jobId = browser().find("#job-id").getText();

        browser().open(dashboard().toString());

        browser().await("the same job is followed", textToBe(By.id("job-id"), jobId));
        browser().await("it is running", attributeToBe(By.id("job-state"), "data-state", "running"));
        awaitSomeProgress();
        browser().find("#job-cancel").click();
        browser().await("the job is cancelled", JOB_TIMEOUT,
                attributeToBe(By.id("job-state"), "data-state", "cancelled"));
    }

    @Test
    void forgetsARememberedJobTheServerDoesNotKnow() {
        browser().script("localStorage.setItem('beacon.job', 'no-such-job')");
        browser().open(dashboard().toString());

        browser().await("the unknown job is forgotten", attributeToBe(By.id("job-state"), "data-state", "idle"));
        browser().await("the page says so", textToBe(By.id("job-message"), "The job is no longer known to the server."));
        assertEquals(null, browser().script("return localStorage.getItem('beacon.job')"));
    }

    private void startJob(int epochs, int stepsPerEpoch) {
        browser().find("#job-epochs").clear();
        browser().find("#job-epochs").sendKeys(String.valueOf(epochs));
        browser().find("#job-steps").clear();
        browser().find("#job-steps").sendKeys(String.valueOf(stepsPerEpoch));
        browser().find("#job-start").click();
    }

    private void awaitSomeProgress() {
        browser().await("the job makes progress", JOB_TIMEOUT,
                driver -> !browser().find("#job-epoch").getText().equals("–"));
    }
}
