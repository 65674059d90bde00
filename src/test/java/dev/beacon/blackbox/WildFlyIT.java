package dev.beacon.blackbox;

import dev.beacon.dashboard.ServedDashboardContract;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The black-box suite against the WAR on WildFly (RESTEasy on Undertow, Weld). */
class WildFlyIT extends AppServerSuite {

    @RegisterExtension
    static final AppServer SERVER = new WildFly();

    @Override
    AppServer server() {
        return SERVER;
    }

    @Test
    void aClientLeavingMidStreamLeavesNoErrorInTheLog() {
        try (RawSse stream = RawSse.get(SERVER, "streams/wf-leaving")) {
            stream.readUntil("open\n\n");
        }
        await("the subscriber to be released").atMost(Duration.ofSeconds(15))
                .until(() -> http().get("topics/wf-leaving").statusCode() == 404); // no subscriber, no event: gone
        assertFalse(SERVER.log().contains("UT005088"), "beacon.cli quiets Undertow's report of a client leaving");
    }

    /** The dashboard at {@code /beacon/} in headless Chromium, against this same server. */
    @Nested
    class Dashboard extends ServedDashboardContract {

        @Override
        protected URI page() {
            return SERVER.uri();
        }
    }
}
