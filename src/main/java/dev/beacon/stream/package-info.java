/**
 * Subscribing over HTTP: {@code GET /api/streams/{topic}} and {@code GET /api/streams?topic=a&topic=b}, on the
 * portable JAX-RS {@code SseEventSink}. The hub's pre-framed bytes reach the sink through {@link
 * dev.beacon.stream.FramedEventWriter}, so every JAX-RS implementation writes exactly the same spec-exact stream.
 */
package dev.beacon.stream;
