/**
 * Beacon: Server-Sent Events for Jakarta EE. {@link dev.beacon.BeaconApplication} is the JAX-RS application; the core
 * is in {@code hub}, subscribing in {@code stream}, publishing in {@code topics}, the embedded runner in
 * {@code server}.
 */
package dev.beacon;
