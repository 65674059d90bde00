package dev.beacon.topics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the paths outside JAX-RS take for a publish, decoded as JAX-RS decodes it, and what they leave to JAX-RS
 * ({@link PublishPathsTest} sends the same over HTTP to both).
 */
class PublishTargetTest {

    @Test
    void readsTheTopicAndTheFirstEventAndRetryDecodedAsJaxRsDoes() {
        assertEquals(new PublishTarget("news", null, null), PublishTarget.of("/api/topics/news/events", null));
        assertEquals(new PublishTarget("Ab+c", "a b+c", "100"),
                PublishTarget.of("/api/topics/%41b+c/events", "x=1&event=a+b%2Bc&retry=100&event=second"));
        assertEquals(new PublishTarget("t", "", null), PublishTarget.of("/api/topics/t/events", "event&other"));
        assertEquals(new PublishTarget("bad topic", null, null), PublishTarget.of("/api/topics/bad%20topic/events",
                null), "the topic grammar is Publishing's to check, in its own words");
    }

    @Test
    void leavesEverythingElseToJaxRs() {
        for (String path : new String[] {"/api/topics/news/events/", "/api/topics/news;v=1/events",
                "/api/topics//events", "/api/topics/a/b/events", "/api/topics/a%2Fb/events", "/api/topics/news",
                "/api/streams/news", "/api/topics/%ZZ/events"}) {
            assertNull(PublishTarget.of(path, null), path);
        }
        assertNull(PublishTarget.of("/api/topics/news/events", "x=%ZZ&event=e"), "a malformed escape anywhere");
    }

    @Test
    void acceptsJsonWhenTheClientDoes() {
        assertTrue(Publishing.acceptsJson(null));
        assertTrue(Publishing.acceptsJson("*/*"));
        assertTrue(Publishing.acceptsJson("text/html, application/*;q=0.2"));
        assertFalse(Publishing.acceptsJson("application/xml"));
        assertFalse(Publishing.acceptsJson("application/json;q=0, text/plain"));
        assertFalse(Publishing.acceptsJson("///"), "malformed: JAX-RS answers it");
    }
}
