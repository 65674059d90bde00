package dev.beacon.auth;

import com.nimbusds.jwt.JWTClaimsSet;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a verified token allows, from its claim {@value #CLAIM}:
 * {@code {"subscribe": ["alerts", "payroll-*"], "publish": ["job-*"]}}; a missing list grants nothing.
 *
 * @param subject   the token's {@code sub}, or null
 * @param subscribe topics it may subscribe to (and read events of)
 * @param publish   topics it may publish to ({@code job-*}: start and cancel jobs)
 * @param expires   its {@code exp}: its streams end then
 */
record Grants(String subject, TopicPatterns subscribe, TopicPatterns publish, Instant expires) {

    static final String CLAIM = "beacon";

    /** @throws IllegalArgumentException when the claim is there but not of that shape */
    static Grants of(JWTClaimsSet claims) {
        Map<String, Object> beacon;
        try {
            beacon = claims.getJSONObjectClaim(CLAIM);
        } catch (ParseException e) {
            throw new IllegalArgumentException("claim '" + CLAIM + "' must be an object {\"subscribe\": [...], "
                    + "\"publish\": [...]}");
        }
        return new Grants(claims.getSubject(), patterns(beacon, "subscribe"), patterns(beacon, "publish"),
                claims.getExpirationTime().toInstant());
    }

    private static TopicPatterns patterns(Map<String, Object> beacon, String right) {
        Object value = beacon == null ? null : beacon.get(right);
        if (value == null) {
            return TopicPatterns.NONE;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("'" + CLAIM + "." + right + "' must be an array of topic patterns");
        }
        return TopicPatterns.parse(list.stream().map(String.class::cast).toList());
    }
}
