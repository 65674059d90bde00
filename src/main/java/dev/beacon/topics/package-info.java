/**
 * Topics over HTTP: publishing ({@code POST /api/topics/{topic}/events}, behind a bearer token) and what the hub
 * knows of each topic ({@code GET /api/topics}). {@link dev.beacon.topics.Publishing} holds the rules of a publish for
 * every path that answers one: the JAX-RS resource, the embedded runner's direct path, and in the WAR
 * {@link dev.beacon.topics.PublishServletFilter}, which answers publishes before JAX-RS with the servlet API alone.
 */
package dev.beacon.topics;
