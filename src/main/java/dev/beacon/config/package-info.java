/**
 * Beacon's configuration: one immutable {@link dev.beacon.config.BeaconConfig} read from system properties
 * ({@code beacon.port}) or environment variables ({@code BEACON_PORT}), the same keys embedded and on an app server.
 */
package dev.beacon.config;
