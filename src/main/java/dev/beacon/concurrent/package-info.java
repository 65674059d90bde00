/**
 * The threads Beacon runs on: the container's managed executors on an app server (Jakarta Concurrency), executors
 * owned by one CDI bean when embedded. Nothing else in Beacon starts a thread.
 */
package dev.beacon.concurrent;
