/**
 * History outside the JVM's memory: {@link dev.beacon.store.StoreHistory} puts the hub's in-memory ring in front of
 * a {@link dev.beacon.store.DurableLog} (the file store on one node, Redis Streams for a cluster), so live delivery
 * reads memory and only older reads go to the log.
 */
package dev.beacon.store;
