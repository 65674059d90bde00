/**
 * {@code GET /api/metrics}: the hub's figures in Prometheus text format, through Micrometer.
 */
package dev.beacon.metrics;
