/**
 * The {@code beacon} command-line tool ({@code java -jar target/beacon-cli.jar}): tail topics with resume, publish,
 * list topics, start and follow jobs. Built on {@link dev.beacon.client} and picocli; in a jar of its own, never in
 * the WAR. {@link dev.beacon.cli.ExitCodes} lists what each exit status means.
 */
package dev.beacon.cli;
