package dev.beacon.blackbox;

import dev.beacon.config.BeaconConfig;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The black-box suite against the WAR on Payara Micro 6 with {@code beacon.transport=portable}: hub streams through
 * JAX-RS {@code SseEventSink} instead of the servlet transport, so both stay covered on this server.
 */
class PayaraMicroPortableIT extends AppServerSuite {

    @RegisterExtension
    static final AppServer SERVER = new PayaraMicro("Payara Micro portable")
            .withSettings(() -> Map.of(BeaconConfig.TRANSPORT, "portable"));

    @Override
    AppServer server() {
        return SERVER;
    }

    @Override
    String transport() {
        return "portable";
    }
}
