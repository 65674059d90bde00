package dev.beacon.blackbox;

import dev.beacon.dashboard.ServedDashboardContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The black-box suite against the WAR on Payara Micro 6 (Jersey on Grizzly, Weld). */
class PayaraMicroIT extends AppServerSuite {

    @RegisterExtension
    static final AppServer SERVER = new PayaraMicro();

    @Override
    AppServer server() {
        return SERVER;
    }

    @Test
    void appliedEveryCommandOfTheServerConfig() {
        assertTrue(SERVER.log().contains("Boot Command set returned with result SUCCESS"), "the commands ran");
        assertFalse(SERVER.log().contains("returned with result FAILURE"), "pre-boot-commands.asadmin applies cleanly");
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
