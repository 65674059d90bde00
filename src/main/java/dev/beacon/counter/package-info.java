/**
 * The counter: the smallest generator stream, in both styles of the generator model ({@code GET /api/counter} blocking,
 * {@code GET /api/counter/async} asynchronous). It is the example to copy when adding a stream of one's own.
 */
package dev.beacon.counter;
