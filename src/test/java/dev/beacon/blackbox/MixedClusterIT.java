package dev.beacon.blackbox;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.redis.RedisStore;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RedisExtension;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One cluster of two app servers: the WAR on Payara Micro (Jersey) and on WildFly (RESTEasy), both on one Redis. A
 * publish on one reaches subscribers of the other, and a client resumes on the other server.
 */
class MixedClusterIT {

    @RegisterExtension
    @Order(1)
    static final RedisExtension REDIS = new RedisExtension();

    @RegisterExtension
    @Order(2)
    static final AppServer PAYARA = new PayaraMicro("Payara Micro on Redis").withSettings(MixedClusterIT::redis);

    @RegisterExtension
    @Order(3)
    static final AppServer WILDFLY = new WildFly("WildFly on Redis").withSettings(MixedClusterIT::redis);

    private static Map<String, String> redis() {
        return Map.of(BeaconConfig.STORE, BeaconConfig.STORE_REDIS, RedisStore.URL, REDIS.server().url());
    }

    @Test
    void aPublishOnEitherServerReachesSubscribersOfBoth() {
        String topics = "streams?topic=bb-mixed-a&topic=bb-mixed-b";
        try (EventRecorder onPayara = EventRecorder.open(PAYARA.api(topics));
             EventRecorder onWildFly = EventRecorder.open(WILDFLY.api(topics))) {
            List<String> published = new ArrayList<>();
            published.add(new Http(PAYARA).published("bb-mixed-a", "from", "payara"));
            published.add(new Http(WILDFLY).published("bb-mixed-b", "from", "wildfly"));
            published.add(new Http(PAYARA).published("bb-mixed-b", "from", "payara again"));

            List<InboundSseEvent> onWildFlyEvents = onWildFly.next(3);
            assertEquals(published, ids(onWildFlyEvents), "WildFly's subscriber");
            assertEquals(List.of("payara", "wildfly", "payara again"),
                    onWildFlyEvents.stream().map(InboundSseEvent::readData).toList());
            assertEquals(published, ids(onPayara.next(3)), "Payara's subscriber");
            onPayara.assertExhausted();
            onWildFly.assertExhausted();
        }
    }

    @Test
    void aClientResumesOnTheOtherServer() {
        Http payara = new Http(PAYARA);
        String seen = payara.published("bb-mixed-resume", null, "seen on Payara");
        List<String> missed = List.of(payara.published("bb-mixed-resume", null, "1"),
                new Http(WILDFLY).published("bb-mixed-resume", null, "2"));

        try (EventRecorder onWildFly = EventRecorder.open(WILDFLY.api("streams/bb-mixed-resume"), seen)) {
            assertEquals(missed, ids(onWildFly.next(2)));
            onWildFly.assertExhausted();
        }
    }

    private static List<String> ids(List<InboundSseEvent> events) {
        return events.stream().map(InboundSseEvent::getId).toList();
    }
}
