/**
 * The timers that feed topics (clock, stats, ticker, alerts, relay): {@link dev.beacon.feeds.Feeds} starts them,
 * skips the ones switched off by {@code beacon.feeds.off}, and cancels them all when the application stops.
 */
package dev.beacon.feeds;
