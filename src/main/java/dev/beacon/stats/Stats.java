package dev.beacon.stats;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One reading. A figure the platform cannot give (CPU load right after start, load average on Windows) is null, and
 * written as null, so every reading has the same fields.
 *
 * @param cpuPercent        the whole system's recent CPU use, 0 to 100
 * @param processCpuPercent this JVM's recent CPU use, 0 to 100
 * @param memoryPercent     physical memory in use, 0 to 100
 * @param memoryUsedMb      physical memory in use, MiB
 * @param memoryTotalMb     physical memory, MiB
 * @param heapUsedMb        JVM heap in use, MiB
 * @param heapMaxMb         JVM heap limit, MiB (null when unbounded)
 * @param loadAverage       the system load average over the last minute
 * @param subscribers       subscribers connected to the hub now, on every topic
 * @param timestamp         when it was read, ISO-8601 in UTC
 */
@JsonbNillable
public record Stats(@JsonbProperty("cpu_percent") Double cpuPercent,
                    @JsonbProperty("process_cpu_percent") Double processCpuPercent,
                    @JsonbProperty("memory_percent") double memoryPercent,
                    @JsonbProperty("memory_used_mb") long memoryUsedMb,
                    @JsonbProperty("memory_total_mb") long memoryTotalMb,
                    @JsonbProperty("heap_used_mb") long heapUsedMb,
                    @JsonbProperty("heap_max_mb") Long heapMaxMb,
                    @JsonbProperty("load_average") Double loadAverage,
                    int subscribers,
                    String timestamp) {

    public static final String TOPIC = "stats";
    public static final String EVENT = "stats";
}
