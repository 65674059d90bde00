package dev.beacon.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jose.util.X509CertUtils;
import dev.beacon.config.BeaconConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The key that verifies tokens, from exactly one of three settings, and with it the algorithms accepted: they follow
 * from the key the operator configured, never from the token's header (so {@code none}, or HS256 signed with a public
 * key, is never accepted). A secret is HS256; a PEM public key or certificate is RS256 (RSA, 2048 bits or more) or
 * ES256 (EC on P-256); a JWK set accepts RS256 and ES256 and is fetched again when its cache expires or a token names
 * a key it does not hold (a key rotation).
 */
final class JwtKeys {

    static final String SECRET = "beacon.jwt.secret";
    static final String PUBLIC_KEY = "beacon.jwt.public-key";
    static final String JWKS = "beacon.jwt.jwks";
    /** Seconds a fetched JWK set is used before it is fetched again. */
    static final String JWKS_REFRESH = "beacon.jwt.jwks-refresh";
    /** A token naming a key the set does not hold makes it fetch again, at most this often. */
    private static final long MAX_FETCH_INTERVAL_MS = 30_000;
    static final int MIN_SECRET_BYTES = 32;
    private static final int MIN_RSA_BITS = 2048;
    private static final int JWKS_TIMEOUT_MS = 2000;
    private static final int JWKS_MAX_BYTES = 256 * 1024;

    private JwtKeys() {
    }

    /** The key selector of the one key setting present, or empty when none is (tokens are then not used). */
    static Optional<JWSKeySelector<SecurityContext>> from(BeaconConfig config) {
        List<String> set = new ArrayList<>();
        for (String key : List.of(SECRET, PUBLIC_KEY, JWKS)) {
            config.text(key).ifPresent(value -> set.add(key));
        }
        if (set.size() > 1) {
            throw new IllegalArgumentException("Set one of " + SECRET + ", " + PUBLIC_KEY + " and " + JWKS
                    + ", not " + set);
        }
        if (set.isEmpty()) {
            return Optional.empty();
        }
        String value = config.text(set.get(0)).orElseThrow();
        return Optional.of(switch (set.get(0)) {
            case SECRET -> secret(value);
            case PUBLIC_KEY -> publicKey(value);
            default -> jwks(value, config.integer(JWKS_REFRESH, 300, 1, 86_400) * 1000L);
        });
    }

    private static JWSKeySelector<SecurityContext> secret(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("Setting " + SECRET + " must be at least " + MIN_SECRET_BYTES
                    + " bytes (HS256 needs a 256-bit key); it has " + bytes.length);
        }
        return new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(bytes));
    }

    private static JWSKeySelector<SecurityContext> publicKey(String file) {
        PublicKey key = readPem(file);
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("The RSA key of " + PUBLIC_KEY + " has "
                        + rsa.getModulus().bitLength() + " bits; RS256 needs " + MIN_RSA_BITS + " or more");
            }
            return selector(JWSAlgorithm.RS256, new JWKSet(new RSAKey.Builder(rsa).build()));
        }
        if (key instanceof ECPublicKey ec && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
            return selector(JWSAlgorithm.ES256, new JWKSet(new ECKey.Builder(Curve.P_256, ec).build()));
        }
        throw new IllegalArgumentException("The key of " + PUBLIC_KEY + " must be RSA (RS256) or EC on P-256 (ES256)");
    }

    private static JWSKeySelector<SecurityContext> selector(JWSAlgorithm algorithm, JWKSet keys) {
        return new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(keys));
    }

    /** A {@code PUBLIC KEY} (SubjectPublicKeyInfo) or a {@code CERTIFICATE}, read with the JDK alone. */
    private static PublicKey readPem(String file) {
        String pem = read(Path.of(file), PUBLIC_KEY);
        if (pem.contains(X509CertUtils.PEM_BEGIN_MARKER)) {
            var certificate = X509CertUtils.parse(pem);
            if (certificate == null) {
                throw new IllegalArgumentException("The certificate in " + PUBLIC_KEY + " (" + file
                        + ") cannot be read");
            }
            return certificate.getPublicKey();
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
            for (String type : List.of("RSA", "EC")) {
                try {
                    return KeyFactory.getInstance(type).generatePublic(spec);
                } catch (GeneralSecurityException notThisType) {
                    // try the next
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(PUBLIC_KEY + " (" + file + ") holds no PEM 'PUBLIC KEY' or 'CERTIFICATE'");
    }

    private static JWSKeySelector<SecurityContext> jwks(String location, long refreshMillis) {
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(url(location), retriever(location))
                .cache(refreshMillis, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .refreshAheadCache(false) // fetched on use once expired: no background threads of its own
                .rateLimited(Math.min(MAX_FETCH_INTERVAL_MS, refreshMillis / 2))
                .build();
        return new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source);
    }

    private static boolean isHttp(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    private static URL url(String location) {
        try {
            return isHttp(location) ? URI.create(location).toURL() : Path.of(location).toUri().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + JWKS + " is not a URL or file: " + location, e);
        }
    }

    /** A URL is fetched with short timeouts and a size cap; a file is read again each time the cache refreshes. */
    private static ResourceRetriever retriever(String location) {
        if (isHttp(location)) {
            return new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_MAX_BYTES);
        }
        Path file = Path.of(location);
        read(file, JWKS); // fail fast at start-up on a missing file
        return url -> new Resource(Files.readString(file, StandardCharsets.UTF_8), "application/json");
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Setting " + setting + ": cannot read " + file, e);
        }
    }
}
