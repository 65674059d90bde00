package dev.beacon.stats;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine's CPU and memory figures, read as attributes of the JVM's operating-system MBean
 * ({@code java.lang:type=OperatingSystem}) through the standard JMX API. Not through
 * {@code com.sun.management.OperatingSystemMXBean}: an app server with module isolation does not let a deployment see
 * that JDK-specific type (WildFly refused to make a bean of a class that named it), while every JVM registers the
 * MBean and every deployment sees {@code javax.management}. Attribute names are settled once, at {@link #of}: newer
 * JDKs name them {@code CpuLoad} and {@code TotalMemorySize}, older ones {@code SystemCpuLoad} and
 * {@code TotalPhysicalMemorySize}.
 */
final class OperatingSystemReadings {

    static final String MBEAN = "java.lang:type=OperatingSystem";
    /** The names each figure of a {@link Reading} goes by, in the record's order, the newer name first. */
    private static final List<List<String>> FIGURES = List.of(
            List.of("CpuLoad", "SystemCpuLoad"),
            List.of("ProcessCpuLoad"),
            List.of("TotalMemorySize", "TotalPhysicalMemorySize"),
            List.of("FreeMemorySize", "FreePhysicalMemorySize"),
            List.of("SystemLoadAverage"));

    /** One reading; the loads are fractions, or negative when the platform cannot tell (yet). */
    record Reading(double cpuLoad, double processCpuLoad, long totalMemory, long freeMemory, double loadAverage) {
    }

    private final MBeanServer server;
    private final ObjectName name;
    private final String[] attributes;

    private OperatingSystemReadings(MBeanServer server, ObjectName name, String[] attributes) {
        this.server = server;
        this.name = name;
        this.attributes = attributes;
    }

    /**
     * Finds the MBean and the attributes it names each figure by, and takes a first reading to prove them.
     *
     * @throws JMException with a message for the operator when the MBean or a figure is missing or unreadable
     */
    static OperatingSystemReadings of(MBeanServer server) throws JMException {
        ObjectName name = new ObjectName(MBEAN);
        Set<String> offered = Arrays.stream(server.getMBeanInfo(name).getAttributes())
                .map(MBeanAttributeInfo::getName).collect(Collectors.toSet());
        String[] attributes = new String[FIGURES.size()];
        for (int i = 0; i < attributes.length; i++) {
            List<String> names = FIGURES.get(i);
            attributes[i] = names.stream().filter(offered::contains).findFirst().orElseThrow(() ->
                    new JMException(MBEAN + " has none of the attributes " + names));
        }
        OperatingSystemReadings readings = new OperatingSystemReadings(server, name, attributes);
        readings.read();
        return readings;
    }

    /** The figures now, read in one call. */
    Reading read() throws JMException {
        Map<String, Number> values = new HashMap<>();
        for (Attribute attribute : server.getAttributes(name, attributes).asList()) {
            if (attribute.getValue() instanceof Number number) {
                values.put(attribute.getName(), number);
            }
        }
        return new Reading(value(values, 0).doubleValue(), value(values, 1).doubleValue(),
                value(values, 2).longValue(), value(values, 3).longValue(), value(values, 4).doubleValue());
    }

    private Number value(Map<String, Number> values, int index) throws JMException {
        Number value = values.get(attributes[index]);
        if (value == null) {
            throw new JMException(MBEAN + " did not give a number for " + attributes[index]);
        }
        return value;
    }
}
