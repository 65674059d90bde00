/**
 * System stats: topic {@code stats}, one {@code stats} event per second while someone subscribes, with real readings
 * from the JVM's management beans (CPU, memory, heap, load average) and the hub's subscriber count.
 */
package dev.beacon.stats;
