package dev.beacon.blackbox;

import dev.beacon.testing.Endpoint;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control as a client sees it, on every target of the black-box suite (embedded, Payara, WildFly), which run
 * with the JWT secret {@link Tokens#SECRET} and public topics {@link SuiteSettings#PUBLIC_TOPICS}; the topics here
 * ({@value #PRIVATE}...) are private. The JAX-RS filter decides the same on Jersey and RESTEasy.
 */
abstract class AccessControlCases {

    static final String PRIVATE = "bbp-";

    /** The Beacon under test. */
    protected abstract Endpoint beacon();

    private Http client() {
        return new Http(beacon());
    }

    @Test
    void anAnonymousSubscriptionToAPrivateTopicIs401BeforeTheStreamStarts() {
        HttpResponse<String> refused = client().get("streams/" + PRIVATE + "anonymous");
        Problems.assertProblem(401, refused, "not public");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                refused.headers().map().toString());
        String everything = Tokens.hs256(Tokens.SECRET).subscribe("*").sign();
        assertFalse(get("topics", everything).body().contains("\"" + PRIVATE + "anonymous\""),
                "the refused subscription made no topic");
    }

    @Test
    void aTokenWithTheRightReceivesTheTopicOnAHeaderOrACookie() {
        String token = Tokens.hs256(Tokens.SECRET).subscribe(PRIVATE + "*").sign();
        try (RawSse header = RawSse.get(beacon(), "streams/" + PRIVATE + "granted", "Authorization: Bearer " + token);
             RawSse cookie = RawSse.get(beacon(), "streams/" + PRIVATE + "granted", "Cookie: beacon_token=" + token)) {
            header.readUntil("open\n\n");
            cookie.readUntil("open\n\n");
            String id = client().published(PRIVATE + "granted", "secret", "for the granted");
            assertTrue(header.readUntil("for the granted\n\n").contains("id: " + id + "\n"), header.body());
            assertTrue(cookie.readUntil("for the granted\n\n").contains("id: " + id + "\n"), cookie.body());
        }
    }

    @Test
    void aTokenWithoutTheRightIs403AndABadOrExpiredOneIs401() {
        String other = Tokens.hs256(Tokens.SECRET).subscribe("elsewhere-*").sign();
        HttpResponse<String> forbidden = get("streams/" + PRIVATE + "denied", other);
        Problems.assertProblem(403, forbidden, "does not grant");
        assertTrue(forbidden.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
        Problems.assertProblem(401, get("streams/" + PRIVATE + "denied", Tokens.hs256(Tokens.SECRET)
                .subscribe("*").expiresIn(Duration.ofSeconds(-1)).sign()), "not valid");
        Problems.assertProblem(401, get("streams/" + PRIVATE + "denied", Tokens.hs256("another-secret-of-32-bytes-"
                + "or-more-0123").subscribe("*").sign()), "not valid");
    }

    @Test
    void publishingAndJobsNeedAPublishGrant() {
        String publisher = Tokens.hs256(Tokens.SECRET).publish(PRIVATE + "*", "job-*").subscribe("job-*").sign();
        assertEquals(201, post("topics/" + PRIVATE + "news/events", "text/plain", "hi", publisher).statusCode());
        Problems.assertProblem(403, post("topics/" + PRIVATE + "news/events", "text/plain", "hi",
                Tokens.hs256(Tokens.SECRET).subscribe("*").sign()), "publish");
        String job = "{\"kind\":\"training\",\"params\":{\"total_epochs\":1,\"steps_per_epoch\":2}}";
        Problems.assertProblem(401, post("jobs", "application/json", job, null), "Bearer");
        HttpResponse<String> started = post("jobs", "application/json", job, publisher);
        assertEquals(202, started.statusCode(), started.body());
        String id = Http.json(started.body()).getString("id");
        Problems.assertProblem(401, client().get("jobs/" + id + "/events"), "not public");
        try (RawSse events = RawSse.get(beacon(), "jobs/" + id + "/events", "Authorization: Bearer " + publisher)) {
            assertTrue(events.readToEnd().contains("event: complete\n"), events.body());
        }
    }

    @Test
    void aStreamEndsCleanlyWhenItsTokenExpires() {
        String shortLived = Tokens.hs256(Tokens.SECRET).subscribe(PRIVATE + "*").expiresIn(Duration.ofSeconds(2))
                .sign();
        try (RawSse stream = RawSse.get(beacon(), "streams/" + PRIVATE + "expiring", "Authorization: Bearer "
                + shortLived)) {
            stream.readUntil("open\n\n");
            String body = stream.readToEnd();
            assertTrue(body.endsWith("\n\n"), "a clean end, after a whole event or comment: " + body);
        }
    }

    private HttpResponse<String> get(String path, String token) {
        return client().send(HttpRequest.newBuilder(beacon().api(path)).header("Authorization", "Bearer " + token)
                .GET());
    }

    private HttpResponse<String> post(String path, String type, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(beacon().api(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client().send(request);
    }
}
