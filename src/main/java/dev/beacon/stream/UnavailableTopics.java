package dev.beacon.stream;

import dev.beacon.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topics whose feature could not start. A feature that finds at deployment that it cannot work (the system stats
 * feed without the JVM's operating-system readings, say) declares its topic here instead of leaving it to look
 * healthy while nothing is ever published: the declaration is logged as a WARNING, and every subscription that names
 * the topic is refused with a 503 problem saying which feature is unavailable and why, before any stream starts. A
 * browser's EventSource gives up for good on that answer rather than waiting on heartbeats forever.
 */
@ApplicationScoped
public class UnavailableTopics {

    private static final System.Logger LOG = System.getLogger(UnavailableTopics.class.getName());

    /** Why a feature is unavailable: its name for people, such as "The system stats feed", and the reason. */
    private record Unavailable(String feature, String reason) {
    }

    private final Map<String, Unavailable> topics = new ConcurrentHashMap<>();

    /** Refuses subscriptions to {@code topic} from now on, and logs a WARNING naming the feature and the reason. */
    public void declare(String topic, String feature, String reason) {
        topics.put(topic, new Unavailable(feature, reason));
        LOG.log(Level.WARNING, "{0} is unavailable: {1}. Subscriptions to topic {2} are answered 503.", feature,
                reason, topic);
    }

    /**
     * Passes when every topic is available.
     *
     * @throws ProblemException a 503 naming the feature of the first unavailable topic and why it did not start
     */
    public void check(Collection<String> requested) {
        for (String topic : requested) {
            Unavailable unavailable = topics.get(topic);
            if (unavailable != null) {
                throw new ProblemException(503, unavailable.feature() + " is unavailable on this server, so topic '"
                        + topic + "' has no stream: " + unavailable.reason());
            }
        }
    }
}
