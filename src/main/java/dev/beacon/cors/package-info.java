/**
 * CORS for {@code /api}: an allow-list of origins ({@code beacon.cors.origins}), none by default, so a dashboard served
 * from another origin can subscribe and publish. A listed origin is echoed with credentials allowed; {@code *} allows
 * any origin, and then never with credentials.
 */
package dev.beacon.cors;
