package dev.beacon.stats;

import dev.beacon.server.EmbeddedServer;
import dev.beacon.stream.UnavailableTopics;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM whose operating-system MBean cannot be read (this one, with the MBean taken away for the test): the stats feed
 * does not start, says so in a WARNING naming itself and the reason, and every subscription naming {@code stats} is a
 * 503 problem before any stream starts, on both transports, while other topics keep working.
 */
class StatsUnavailableTest {

    private static final MBeanServer PLATFORM = ManagementFactory.getPlatformMBeanServer();
    private static final Logger UNAVAILABLE_LOG = Logger.getLogger(UnavailableTopics.class.getName());
    private static final List<LogRecord> WARNINGS = new CopyOnWriteArrayList<>();
    private static final Handler RECORDER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                WARNINGS.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static ObjectName name;
    private static Object operatingSystem;

    @BeforeAll
    static void takeTheOperatingSystemMBeanAway() throws JMException {
        name = new ObjectName(OperatingSystemReadings.MBEAN);
        operatingSystem = ManagementFactory.getOperatingSystemMXBean();
        PLATFORM.unregisterMBean(name);
        UNAVAILABLE_LOG.addHandler(RECORDER);
    }

    @AfterAll
    static void giveItBack() throws JMException {
        UNAVAILABLE_LOG.removeHandler(RECORDER);
        PLATFORM.registerMBean(operatingSystem, name);
    }

    @ParameterizedTest(name = "{0} transport")
    @ValueSource(strings = {"direct", "portable"})
    void refusesStatsSubscriptionsWith503AndSaysWhyAtStart(String transport) {
        WARNINGS.clear();
        try (TestServer server = TestServer.start(EmbeddedServer.TRANSPORT, transport)) {
            assertEquals(1, WARNINGS.size(), "one warning at start: " + WARNINGS);
            String warning = new java.util.logging.SimpleFormatter().formatMessage(WARNINGS.get(0));
            assertTrue(warning.contains(StatsSampler.FEATURE) && warning.contains(OperatingSystemReadings.MBEAN),
                    warning);

            Http http = new Http(server);
            Problems.assertProblem(503, refusal(http, "streams/stats"), StatsSampler.FEATURE + " is unavailable");
            Problems.assertProblem(503, refusal(http, "streams?topic=news&topic=stats"), OperatingSystemReadings.MBEAN);
            assertEquals(404, http.get("topics/stats").statusCode(), "no subscription was made");

            try (EventRecorder news = EventRecorder.open(server.api("streams/news"))) {
                String id = http.published("news", "still", "here");
                assertEquals(id, news.next("still").getId(), "other topics are not affected");
            }
        }
    }

    /** The whole answer; a stream (which never ends) fails the test after the recorder's timeout instead of hanging. */
    private static HttpResponse<String> refusal(Http http, String path) {
        return assertTimeoutPreemptively(Duration.ofSeconds(EventRecorder.TIMEOUT_SECONDS), () -> http.get(path),
                "GET " + path + " should be refused, not streamed");
    }
}
