/**
 * The Redis store ({@code beacon.store=redis}): every node that points at the same Redis shares one log of events in
 * Redis Streams, with ids that Redis assigns, so a publish on any node reaches the subscribers of every node and a
 * {@code Last-Event-ID} from one node is a position on all of them. {@link dev.beacon.store.redis.RedisStore} opens
 * it; the rest is package-private.
 */
package dev.beacon.store.redis;
