/**
 * The embedded runner: Weld SE, then Jersey on Grizzly (at the application path of {@code BeaconApplication}, {@code /api}), serving {@code /api} and the static files of
 * {@code src/main/webapp}. The only place with Jersey-, Grizzly- or Weld-specific code; left out of the WAR.
 */
package dev.beacon.server;
