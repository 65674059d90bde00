package dev.beacon.auth;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.InvalidInputException;
import dev.beacon.problem.ProblemException;
import dev.beacon.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of who may do what, in each configuration, without a server. */
class AccessControlTest {

    private static final String STATIC = "static-token";
    private static final String INVALID = "Bearer realm=\"beacon\", error=\"invalid_token\"";

    @Test
    void withoutAKeySubscribingIsOpenAndPublishingNeedsTheStaticToken() {
        AccessControl access = access(Map.of(BeaconConfig.PUBLISH_TOKEN, STATIC));
        assertTrue(access.authorize(Right.SUBSCRIBE, List.of("payroll"), Credentials.NONE).maySubscribe("payroll"));
        access.authorize(Right.PUBLISH, List.of("news"), bearer(STATIC));
        refused(access, Right.PUBLISH, "news", Credentials.NONE, 401, "Bearer realm=\"beacon\"");
        refused(access, Right.PUBLISH, "news", bearer("wrong"), 401, INVALID);
        refused(access, Right.RUN_JOBS, "job-*", Credentials.NONE, 401, "Bearer realm=\"beacon\"");
        access.authorize(Right.RUN_JOBS, List.of("job-*"), bearer(STATIC));
    }

    @Test
    void withNothingConfiguredPublishingIsOffAndJobsAreOpen() {
        AccessControl access = access(Map.of(BeaconConfig.PUBLISH_TOKEN, ""));
        refused(access, Right.PUBLISH, "news", bearer("anything"), 403, null);
        access.authorize(Right.RUN_JOBS, List.of("job-*"), Credentials.NONE);
    }

    @Test
    void withAKeyAnonymousClientsSubscribeToPublicTopicsOnly() {
        AccessControl access = access(Map.of(JwtKeys.SECRET, Tokens.SECRET));
        Caller anonymous = access.authorize(Right.SUBSCRIBE, List.of("alerts", "clock"), Credentials.NONE);
        assertFalse(anonymous.maySubscribe("payroll"));
        assertTrue(anonymous.expires().isEmpty());
        refused(access, Right.SUBSCRIBE, "payroll", Credentials.NONE, 401, INVALID);
        refused(access, Right.SUBSCRIBE, "payroll", bearer("garbage"), 401, null);
        refused(access, Right.SUBSCRIBE, "payroll", bearer(Tokens.hs256(Tokens.SECRET).subscribe("other").sign()), 403,
                "Bearer realm=\"beacon\", error=\"insufficient_scope\"");
        Caller granted = access.authorize(Right.SUBSCRIBE, List.of("payroll", "alerts"),
                bearer(Tokens.hs256(Tokens.SECRET).subscribe("pay*").expiresIn(Duration.ofMinutes(1)).sign()));
        assertTrue(granted.expires().isPresent(), "its streams end when the token expires");
    }

    @Test
    void withAKeyPublishingAndJobsNeedAPublishGrantOrTheStaticToken() {
        AccessControl access = access(Map.of(JwtKeys.SECRET, Tokens.SECRET, BeaconConfig.PUBLISH_TOKEN, STATIC));
        access.authorize(Right.PUBLISH, List.of("news"), bearer(STATIC));
        String jobs = Tokens.hs256(Tokens.SECRET).publish("job-*").sign();
        access.authorize(Right.RUN_JOBS, List.of("job-*"), bearer(jobs));
        access.authorize(Right.RUN_JOBS, List.of("job-42"), bearer(jobs));
        refused(access, Right.PUBLISH, "news", bearer(jobs), 403, null);
        String oneJob = Tokens.hs256(Tokens.SECRET).publish("job-42").sign();
        access.authorize(Right.RUN_JOBS, List.of("job-42"), bearer(oneJob));
        refused(access, Right.RUN_JOBS, "job-*", bearer(oneJob), 403, null);
        refused(access, Right.PUBLISH, "news", Credentials.NONE, 401, INVALID);
    }

    @Test
    void aCookieCountsOnlyForRequestsThatChangeNothing() {
        String cookies = "theme=dark; " + Credentials.COOKIE + "=abc.def.ghi; other=1";
        assertEquals("abc.def.ghi", Credentials.of("GET", null, cookies).token());
        assertEquals("abc.def.ghi", Credentials.of("HEAD", null, cookies).token());
        assertFalse(Credentials.of("POST", null, cookies).present());
        assertFalse(Credentials.of("DELETE", null, cookies).present());
        assertEquals("hdr", Credentials.of("GET", "Bearer hdr", cookies).token(), "the header wins");
        assertFalse(Credentials.of("GET", "Basic dXNlcjpwdw==", null).present());
    }

    @Test
    void refusesABadTopicNameBeforeAnythingElse() {
        AccessControl access = access(Map.of(JwtKeys.SECRET, Tokens.SECRET));
        assertThrows(InvalidInputException.class,
                () -> access.authorize(Right.SUBSCRIBE, List.of("bad topic"), Credentials.NONE));
    }

    @Test
    void readsPublicTopicPatterns() {
        TopicPatterns patterns = TopicPatterns.parse("alerts, news-*,,");
        assertTrue(patterns.matches("alerts"));
        assertTrue(patterns.matches("news-today"));
        assertFalse(patterns.matches("alert"));
        assertTrue(TopicPatterns.parse(List.of("*")).coversPrefix("job-"));
        assertTrue(TopicPatterns.parse(List.of("jo*")).coversPrefix("job-"));
        assertFalse(TopicPatterns.parse(List.of("job-1*")).coversPrefix("job-"));
        assertThrows(IllegalArgumentException.class, () -> TopicPatterns.parse(List.of("a b")));
    }

    private static AccessControl access(Map<String, String> settings) {
        AccessControl access = new AccessControl();
        access.config = BeaconConfig.withOverrides(settings);
        access.start();
        return access;
    }

    private static Credentials bearer(String token) {
        return Credentials.of("GET", "Bearer " + token, null);
    }

    private static void refused(AccessControl access, Right right, String topic, Credentials credentials, int status,
                                String challenge) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> access.authorize(right, List.of(topic), credentials));
        assertEquals(status, refused.getResponse().getStatus(), String.valueOf(refused.getMessage()));
        if (challenge != null) {
            assertEquals(challenge, refused.getResponse().getHeaderString("WWW-Authenticate"));
        }
    }
}
