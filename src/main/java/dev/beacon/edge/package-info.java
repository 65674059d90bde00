/**
 * What every answer carries, whatever serves it: {@link dev.beacon.edge.SecurityHeaders}, added on an app server by a
 * servlet filter and embedded by the runner's own edge ({@code dev.beacon.server}).
 */
package dev.beacon.edge;
