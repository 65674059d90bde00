/**
 * Errors as RFC 9457 {@code application/problem+json} bodies: every 4xx Beacon answers says what was wrong,
 * and no stack trace ever reaches a client.
 */
package dev.beacon.problem;
