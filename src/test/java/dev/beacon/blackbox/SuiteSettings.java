package dev.beacon.blackbox;

import dev.beacon.alerts.AlertSimulator;
import dev.beacon.auth.AccessControl;
import dev.beacon.config.BeaconConfig;
import dev.beacon.cors.CorsFilter;
import dev.beacon.relay.UpstreamRelay;
import dev.beacon.testing.TestServer;
import dev.beacon.ticker.TickerFeed;
import dev.beacon.testing.Tokens;

import java.util.Map;

/**
 * The settings every target of the suite runs with, through Beacon's configuration keys: a short heartbeat, a small
 * queue so a stalled subscriber is dropped quickly, a small history so a resume can fall off its end, fast alerts,
 * quotes and relay polls, the relay pointed at {@link #UPSTREAM}, a JWT secret and the public topics (the suite's own
 * {@code bb-} topics among them) for the access-control cases, a short body deadline and an allowed origin for
 * {@link PublishCases}. The app servers get the first group as environment variables and the second as system
 * properties, so both ways are proved on both.
 */
final class SuiteSettings {

    static final int HISTORY = 5;
    static final int MAX_BYTES = 65_536;
    /** Started with the settings, for the JVM that runs one suite; {@link BlackBoxSuite} stops it after its class. */
    static final LocalUpstream UPSTREAM = LocalUpstream.start();

    /** The one origin allowed to call the API from a browser ({@code beacon.cors.origins}). */
    static final String ORIGIN = "https://allowed.example";

    /** Anonymous clients may subscribe to these; {@link AccessControlCases} uses private ones. */
    static final String PUBLIC_TOPICS = "alerts,clock,stats,ticker,relay,bb-*,wf-*";

    /** Given to app servers as environment variables ({@code BEACON_HEARTBEAT=1}). */
    static final Map<String, String> AS_ENVIRONMENT = Map.of(
            BeaconConfig.PUBLISH_TOKEN, TestServer.TOKEN,
            "beacon.jwt.secret", Tokens.SECRET,
            BeaconConfig.HEARTBEAT, "1",
            AlertSimulator.ENABLED, "true",
            AlertSimulator.RATE, "5",
            UpstreamRelay.URL, UPSTREAM.uri().toString());

    /** Given to app servers as system properties ({@code -Dbeacon.subscriber.queue=8}). */
    static final Map<String, String> AS_PROPERTIES = Map.of(
            BeaconConfig.SUBSCRIBER_QUEUE, "8",
            BeaconConfig.HISTORY_SIZE, Integer.toString(HISTORY),
            BeaconConfig.PUBLISH_MAX_BYTES, Integer.toString(MAX_BYTES),
            UpstreamRelay.INTERVAL, "200",
            TickerFeed.INTERVAL, "500",
            AccessControl.PUBLIC_TOPICS, PUBLIC_TOPICS,
            BeaconConfig.BODY_TIMEOUT, "2",
            CorsFilter.ORIGINS, ORIGIN);

    private SuiteSettings() {
    }

    /** All of them as key, value, key, value... for {@link TestServer#start(String...)}. */
    static String[] keyValues() {
        return java.util.stream.Stream.concat(AS_ENVIRONMENT.entrySet().stream(), AS_PROPERTIES.entrySet().stream())
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }
}
