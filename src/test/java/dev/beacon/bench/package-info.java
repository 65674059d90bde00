/**
 * The benchmark: a load generator in its own process that starts Beacon on each target (the runnable jar on either
 * transport, the WAR on Payara Micro and WildFly) as another process, drives it over 127.0.0.1 and prints one table
 * with the targets side by side. Not a test: run it with {@code bench/run}.
 */
package dev.beacon.bench;
