package dev.beacon.cli;

import dev.beacon.client.BeaconClient;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;

/** {@code --url}, {@code --token} and {@code --help}, on every command. */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Beacon's address (default: ${DEFAULT-VALUE}); on an app server add /beacon.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:BEACON_TOKEN}",
            description = "Bearer token for publishing (default: the BEACON_TOKEN environment variable).")
    String token;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    BeaconClient client() {
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: " + url);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("--url must start with http:// or https://, got " + url);
        }
        String bearer = token;
        return BeaconClient.builder(base).token(() -> bearer).requestTimeout(Duration.ofSeconds(15)).build();
    }
}
