/**
 * The upstream relay: polls an HTTP JSON URL at an interval and publishes each answer to a topic; when the upstream
 * fails or answers something that is not JSON it publishes an {@code error} event with the reason, and carries on.
 */
package dev.beacon.relay;
