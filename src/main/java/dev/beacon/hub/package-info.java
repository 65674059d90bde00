/**
 * The core: topics, events, history and subscribers. Each topic is an append-only log of events framed once, at
 * publish time, as the bytes that go on the wire; a subscriber is a cursor into the logs of its topics, so replay after
 * {@code Last-Event-ID} and live delivery are one code path. {@link dev.beacon.hub.Hub} and
 * {@link dev.beacon.hub.Publisher} are the surface; transports plug in through {@link dev.beacon.hub.SubscriberChannel}.
 */
package dev.beacon.hub;
