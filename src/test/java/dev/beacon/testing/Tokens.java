package dev.beacon.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWTs for tests, signed as an identity provider would sign them: {@code Tokens.hs256(SECRET).subscribe("payroll-*")
 * .expiresIn(Duration.ofMinutes(5)).sign()}.
 */
public final class Tokens {

    /** A test secret of 32 bytes or more, as {@code beacon.jwt.secret} requires; not a secret of anything. */
    public static final String SECRET = "beacon-tests-hs256-secret-0123456789abcdef";

    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;
    private String keyId;
    private final Map<String, List<String>> rights = new LinkedHashMap<>();
    private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("tester");
    private Instant expires = Instant.now().plus(Duration.ofMinutes(5));

    private Tokens(JWSSigner signer, JWSAlgorithm algorithm) {
        this.signer = signer;
        this.algorithm = algorithm;
    }

    public static Tokens hs256(String secret) {
        try {
            return new Tokens(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    JWSAlgorithm.HS256);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Signed with the given signer and algorithm (an RSA or EC key of a test). */
    public static Tokens signedWith(JWSSigner signer, JWSAlgorithm algorithm) {
        return new Tokens(signer, algorithm);
    }

    public Tokens subscribe(String... patterns) {
        rights.put("subscribe", List.of(patterns));
        return this;
    }

    public Tokens publish(String... patterns) {
        rights.put("publish", List.of(patterns));
        return this;
    }

    public Tokens expiresIn(Duration duration) {
        expires = Instant.now().plus(duration);
        return this;
    }

    /** No {@code exp} at all. */
    public Tokens noExpiry() {
        expires = null;
        return this;
    }

    public Tokens keyId(String kid) {
        keyId = kid;
        return this;
    }

    public Tokens claim(String name, Object value) {
        claims.claim(name, value);
        return this;
    }

    public String sign() {
        claims.expirationTime(expires == null ? null : Date.from(expires));
        if (!rights.isEmpty()) {
            claims.claim("beacon", rights);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
