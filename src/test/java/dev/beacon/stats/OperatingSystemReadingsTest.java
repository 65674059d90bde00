package dev.beacon.stats;

import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operating-system figures through JMX attributes, and the reasons given when they cannot be read. */
class OperatingSystemReadingsTest {

    @Test
    void readsRealFiguresFromThePlatformMBeanServer() throws JMException {
        OperatingSystemReadings.Reading reading =
                OperatingSystemReadings.of(ManagementFactory.getPlatformMBeanServer()).read();
        assertTrue(reading.totalMemory() > 0, reading.toString());
        assertTrue(reading.freeMemory() >= 0 && reading.freeMemory() <= reading.totalMemory(), reading.toString());
        assertTrue(reading.cpuLoad() <= 1 && reading.processCpuLoad() <= 1, "fractions, or negative: " + reading);
    }

    @Test
    void saysTheMBeanIsMissingWhenTheServerHasNone() {
        JMException refused = assertThrows(JMException.class,
                () -> OperatingSystemReadings.of(MBeanServerFactory.newMBeanServer()));
        assertTrue(refused.toString().contains(OperatingSystemReadings.MBEAN), refused.toString());
    }

    @Test
    void namesTheAttributesItLooksForWhenTheMBeanHasNone() throws JMException {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        // Some MBean under the operating system's name, without any of its figures.
        server.registerMBean(ManagementFactory.getRuntimeMXBean(), new ObjectName(OperatingSystemReadings.MBEAN));
        JMException refused = assertThrows(JMException.class, () -> OperatingSystemReadings.of(server));
        assertTrue(refused.getMessage().contains("[CpuLoad, SystemCpuLoad]"), refused.getMessage());
    }
}
