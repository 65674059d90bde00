/**
 * The benchmark: a load generator in its own process that starts Beacon's runnable jar as another process, drives it
 * over 127.0.0.1 and prints one table. Not a test: run it with {@code bench/run}.
 */
package dev.beacon.bench;
