/**
 * The file store ({@code beacon.store=file}): history in an SQLite database (WAL mode) in one directory, so a restart
 * loses nothing that was acknowledged. {@link dev.beacon.store.file.FileStore} is the
 * {@link dev.beacon.store.DurableLog}; publishes are written by one committer in batches (group commit), and each
 * batch is readable, and delivered here, before its publishers are answered.
 */
package dev.beacon.store.file;
