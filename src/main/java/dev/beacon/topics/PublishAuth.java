package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * HTTP publishing needs {@code Authorization: Bearer <token>} with the configured token. With no token configured it
 * is off altogether (403), so a fresh install never takes events from anyone who can reach it.
 */
final class PublishAuth {

    private static final String SCHEME = "Bearer ";

    private PublishAuth() {
    }

    static void check(BeaconConfig config, String authorization) {
        Optional<String> token = config.publishToken();
        if (token.isEmpty()) {
            throw new ProblemException(403, "Publishing over HTTP is switched off. Set " + BeaconConfig.PUBLISH_TOKEN
                    + " (or " + BeaconConfig.envName(BeaconConfig.PUBLISH_TOKEN)
                    + ") to a secret and send it as 'Authorization: Bearer <token>'.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw unauthorized("Send the publish token as 'Authorization: Bearer <token>'");
        }
        byte[] given = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        // Constant time, so the token cannot be guessed byte by byte from response times.
        if (!MessageDigest.isEqual(given, expected)) {
            throw unauthorized("The publish token is wrong");
        }
    }

    private static ProblemException unauthorized(String detail) {
        ProblemException problem = new ProblemException(401, detail);
        problem.getResponse().getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"beacon\"");
        return problem;
    }

}
