/**
 * Crime alerts: topic {@code alerts}, events {@code crime_alert}. A simulator publishes alerts from Gotham's districts
 * (switchable by configuration); real detectors publish to the same topic over HTTP. {@code ?severity=high} on
 * {@code /api/streams/alerts} narrows a subscription.
 */
package dev.beacon.alerts;
