/**
 * Beacon as a cluster: several embedded nodes in processes of their own on one real Redis, and the WAR on Payara
 * Micro and WildFly sharing one Redis. Failsafe runs these after {@code package}, which builds the runnable jar.
 */
package dev.beacon.cluster;
