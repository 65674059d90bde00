/** The clock: topic {@code clock}, the server's time every second, produced only while someone subscribes. */
package dev.beacon.clock;
