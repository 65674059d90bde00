/**
 * Topics over HTTP: publishing ({@code POST /api/topics/{topic}/events}, behind a bearer token) and what the hub
 * knows of each topic ({@code GET /api/topics}).
 */
package dev.beacon.topics;
