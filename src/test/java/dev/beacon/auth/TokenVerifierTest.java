package dev.beacon.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens as the verifier takes or refuses them, without a server: every key setting, the algorithm fixed by the key
 * (never by the token), {@code exp} required, issuer and audience, the grants claim, and key rotation of a JWK set.
 */
class TokenVerifierTest {

    @TempDir
    Path dir;

    @Test
    void acceptsAnHs256TokenAndReadsItsGrants() {
        TokenVerifier verifier = verifier(Map.of(JwtKeys.SECRET, Tokens.SECRET));
        Grants grants = verifier.verify(Tokens.hs256(Tokens.SECRET).subscribe("payroll-*", "alerts")
                .publish("job-*").sign());
        assertTrue(grants.subscribe().matches("payroll-2026"));
        assertTrue(grants.subscribe().matches("alerts"));
        assertFalse(grants.subscribe().matches("payroll"), "a prefix pattern needs the prefix");
        assertTrue(grants.publish().coversPrefix("job-"));
        assertEquals("tester", grants.subject());
    }

    @Test
    void refusesBadSignaturesExpiryAndMissingExp() {
        TokenVerifier verifier = verifier(Map.of(JwtKeys.SECRET, Tokens.SECRET));
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET + "-other").sign(), "signature");
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).expiresIn(Duration.ofSeconds(-5)).sign(), "Expired");
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).noExpiry().sign(), "exp");
        assertInvalid(verifier, "not-a-jwt", "not a JWT");
        assertInvalid(verifier, "x".repeat(10_000), "longer");
    }

    @Test
    void neverTakesTheAlgorithmFromTheToken() throws Exception {
        long exp = System.currentTimeMillis() / 1000 + 600;
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64("{\"sub\":\"x\",\"exp\":" + exp + "}") + ".";
        assertInvalid(verifier(Map.of(JwtKeys.SECRET, Tokens.SECRET)), unsigned, null);

        KeyPair rsa = rsa();
        TokenVerifier rs256 = verifier(Map.of(JwtKeys.PUBLIC_KEY, pem(rsa.getPublic()).toString()));
        // The classic confusion: an HS256 token whose secret is the (public) RSA key.
        String confused = Tokens.signedWith(new MACSigner(rsa.getPublic().getEncoded()), JWSAlgorithm.HS256).sign();
        assertInvalid(rs256, confused, null);
        assertTrue(rs256.verify(Tokens.signedWith(new RSASSASigner(rsa.getPrivate()), JWSAlgorithm.RS256).sign())
                .subscribe().toString().isEmpty(), "a token without the claim grants nothing");
    }

    @Test
    void verifiesEs256WithAPemPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        TokenVerifier verifier = verifier(Map.of(JwtKeys.PUBLIC_KEY, pem(ec.getPublic()).toString()));
        String token = Tokens.signedWith(new ECDSASigner((ECPrivateKey) ec.getPrivate()), JWSAlgorithm.ES256)
                .subscribe("a").sign();
        assertTrue(verifier.verify(token).subscribe().matches("a"));
    }

    @Test
    void checksIssuerAndAudienceWhenSet() {
        TokenVerifier verifier = verifier(Map.of(JwtKeys.SECRET, Tokens.SECRET, TokenVerifier.ISSUER,
                "https://idp.example", TokenVerifier.AUDIENCE, "beacon"));
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).sign(), null);
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).claim("iss", "https://other.example").claim("aud", "beacon")
                .sign(), null);
        verifier.verify(Tokens.hs256(Tokens.SECRET).claim("iss", "https://idp.example").claim("aud", "beacon").sign());
    }

    @Test
    void refusesAMalformedGrantsClaim() {
        TokenVerifier verifier = verifier(Map.of(JwtKeys.SECRET, Tokens.SECRET));
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).claim("beacon", "everything").sign(), "beacon");
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).subscribe("a*b").sign(), "topic pattern");
        assertInvalid(verifier, Tokens.hs256(Tokens.SECRET).claim("beacon", Map.of("subscribe", "a")).sign(),
                "array");
    }

    @Test
    void followsAJwkSetFileThroughAKeyRotation() throws Exception {
        KeyPair first = rsa();
        KeyPair second = rsa();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(rsaJwk(first, "k1")).toString());
        TokenVerifier verifier = verifier(Map.of(JwtKeys.JWKS, jwks.toString(), JwtKeys.JWKS_REFRESH, "1"));
        verifier.verify(rs256(first, "k1"));

        Files.writeString(jwks, new JWKSet(rsaJwk(second, "k2")).toString());
        String rotated = rs256(second, "k2");
        await("the rotated key to be fetched").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> verifier.verify(rotated) != null);
    }

    @Test
    void failsFastOnAKeyItCannotUse() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtKeys.SECRET, "too short")));
        assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtKeys.SECRET, Tokens.SECRET,
                JwtKeys.JWKS, "https://idp.example/jwks")));
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        Path weak = pem(small.generateKeyPair().getPublic());
        assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtKeys.PUBLIC_KEY, weak.toString())));
        assertTrue(TokenVerifier.from(BeaconConfig.withOverrides(Map.of())).isEmpty(), "no key: no tokens");
    }

    private static TokenVerifier verifier(Map<String, String> settings) {
        return TokenVerifier.from(BeaconConfig.withOverrides(settings)).orElseThrow();
    }

    private static void assertInvalid(TokenVerifier verifier, String token, String reasonPart) {
        TokenVerifier.InvalidTokenException refused = assertThrows(TokenVerifier.InvalidTokenException.class,
                () -> verifier.verify(token));
        if (reasonPart != null) {
            assertTrue(refused.getMessage().contains(reasonPart), refused.getMessage());
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static RSAKey rsaJwk(KeyPair pair, String kid) {
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).build();
    }

    private static String rs256(KeyPair pair, String kid) throws Exception {
        return Tokens.signedWith(new RSASSASigner((RSAPrivateKey) pair.getPrivate()), JWSAlgorithm.RS256).keyId(kid)
                .sign();
    }

    private Path pem(PublicKey key) throws Exception {
        Path file = Files.createTempFile(dir, "key", ".pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
