package dev.beacon.stats;

import dev.beacon.feeds.Feeds;
import dev.beacon.hub.Hub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;

/** Reads the machine and the JVM each second while topic {@code stats} has a subscriber, and publishes the reading. */
@ApplicationScoped
public class StatsSampler {

    private static final long MIB = 1024 * 1024;
    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

    @Inject
    Feeds feeds;

    @Inject
    Hub hub;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        feeds.whileSubscribed(Stats.TOPIC, Stats.EVENT, Duration.ofSeconds(1), this::sample);
    }

    Stats sample() {
        long total = os.getTotalMemorySize();
        long used = total - os.getFreeMemorySize();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Stats(percent(os.getCpuLoad()), percent(os.getProcessCpuLoad()),
                total > 0 ? round(100.0 * used / total) : 0, used / MIB, total / MIB, heap.getUsed() / MIB,
                heap.getMax() < 0 ? null : heap.getMax() / MIB, orNull(os.getSystemLoadAverage()),
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
