package dev.beacon.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.beacon.config.BeaconConfig;

import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a JWT with nimbus-jose-jwt: its signature with the configured key ({@link JwtKeys}), {@code exp} (required,
 * no clock skew, so a token is refused exactly when its streams end), and {@code iss} and {@code aud} when
 * {@value #ISSUER} and {@value #AUDIENCE} are set.
 */
final class TokenVerifier {

    static final String ISSUER = "beacon.jwt.issuer";
    static final String AUDIENCE = "beacon.jwt.audience";
    /** Longer than any token Beacon's grants need; a bigger one is refused unread. */
    private static final int MAX_TOKEN_CHARS = 8192;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private TokenVerifier(JWSKeySelector<SecurityContext> keys, String issuer, String audience) {
        processor.setJWSKeySelector(keys);
        JWTClaimsSet exact = issuer == null ? null : new JWTClaimsSet.Builder().issuer(issuer).build();
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience, exact,
                Set.of("exp"));
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The verifier for the configured key, or empty when no key is configured. */
    static Optional<TokenVerifier> from(BeaconConfig config) {
        return JwtKeys.from(config).map(keys -> new TokenVerifier(keys, config.text(ISSUER).orElse(null),
                config.text(AUDIENCE).orElse(null)));
    }

    /**
     * The token's grants.
     *
     * @throws InvalidTokenException   when it is malformed, badly signed, expired or of the wrong issuer or audience
     * @throws KeysUnavailableException when the JWK set cannot be fetched: not the client's fault
     */
    Grants verify(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("it is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        try {
            return Grants.of(processor.process(token, null));
        } catch (ParseException e) {
            throw new InvalidTokenException("it is not a JWT");
        } catch (BadJOSEException | IllegalArgumentException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (JOSEException e) {
            throw new KeysUnavailableException(e.getMessage());
        }
    }

    /** The token cannot be used; the message says why, for the client. */
    static final class InvalidTokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidTokenException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The keys to verify with could not be had (a JWK set URL that does not answer). */
    static final class KeysUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeysUnavailableException(String reason) {
            super(reason, null, false, false);
        }
    }
}
