package dev.beacon.stats;

import dev.beacon.feeds.Feeds;
import dev.beacon.hub.Hub;
import dev.beacon.stream.UnavailableTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.JMException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the machine and the JVM each second while topic {@code stats} has a subscriber, and publishes the reading.
 * When the machine's figures cannot be read at all, the feed does not start and topic {@code stats} is declared
 * unavailable, with the reason, rather than left to look healthy with nothing ever in it.
 */
@ApplicationScoped
public class StatsSampler {

    static final String FEATURE = "The system stats feed";
    private static final long MIB = 1024 * 1024;
    private OperatingSystemReadings os;

    @Inject
    Feeds feeds;

    @Inject
    Hub hub;

    @Inject
    UnavailableTopics unavailable;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!feeds.enabled(Stats.TOPIC)) {
            return; // switched off: whatever others publish to the topic is what it carries
        }
        try {
            os = OperatingSystemReadings.of(ManagementFactory.getPlatformMBeanServer());
        } catch (JMException | RuntimeException | LinkageError e) {
            // LinkageError too: a class the platform does not let this deployment see fails here, at start, where it
            // can be reported, not on the first reading.
            unavailable.declare(Stats.TOPIC, FEATURE, "the JVM's operating-system readings cannot be read (" + e + ")");
            return;
        }
        feeds.whileSubscribed(Stats.TOPIC, Stats.EVENT, Duration.ofSeconds(1), this::sample);
    }

    Stats sample() {
        OperatingSystemReadings.Reading now;
        try {
            now = os.read();
        } catch (JMException e) {
            throw new IllegalStateException("Reading " + OperatingSystemReadings.MBEAN + " failed", e);
        }
        long total = now.totalMemory();
        long used = total - now.freeMemory();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Stats(percent(now.cpuLoad()), percent(now.processCpuLoad()),
                total > 0 ? round(100.0 * used / total) : 0, used / MIB, total / MIB, heap.getUsed() / MIB,
                heap.getMax() < 0 ? null : heap.getMax() / MIB, orNull(now.loadAverage()),
                hub.subscriberCount(), Instant.now().toString());
    }

    /** The beans answer a fraction, or a negative number when they cannot tell. */
    private static Double percent(double fraction) {
        return fraction < 0 ? null : round(fraction * 100);
    }

    private static Double orNull(double value) {
        return value < 0 ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
