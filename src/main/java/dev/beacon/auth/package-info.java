/**
 * Access control: tokens (JWTs verified with nimbus-jose-jwt against the configured key), the rights they grant per
 * topic (claim {@code beacon}: {@code subscribe} and {@code publish} topic patterns), and {@link
 * dev.beacon.auth.AccessFilter}, which checks every {@link dev.beacon.auth.Guarded} resource method before it runs.
 * {@link dev.beacon.auth.AccessControl} decides for every transport. Standard APIs only: it works the same on Payara,
 * WildFly and embedded.
 */
package dev.beacon.auth;
