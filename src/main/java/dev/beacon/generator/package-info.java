/**
 * The generator model: a stream that is computed for one client, in one of two styles. A {@link
 * dev.beacon.generator.BlockingGenerator} is a loop that emits, sleeps and emits again on a Beacon-owned thread; an
 * {@link dev.beacon.generator.AsyncGenerator} hands back a {@code CompletionStage} per event, and a
 * {@code Flow.Publisher} pushes events on demand; neither holds a thread while it waits. {@link dev.beacon.generator.Generators} runs both onto an {@code SseEventSink}, stops them when the client
 * leaves and turns a failure into an {@code error} event.
 */
package dev.beacon.generator;
