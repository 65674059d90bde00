package dev.beacon.stream;

import dev.beacon.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WAR's stream transport reads a query as JAX-RS reads {@code @QueryParam}s, and refuses a broken one. */
class QueryParametersTest {

    @Test
    void readsRepeatedNamesPlusAsSpaceAndUtf8Escapes() {
        MultivaluedMap<String, String> query = QueryParameters.parse(
                "topic=a&topic=b&symbols=AC%2BME+X&k=%C3%A9&flag&=v");
        assertEquals(List.of("a", "b"), query.get("topic"));
        assertEquals("AC+ME X", query.getFirst("symbols"));
        assertEquals("\u00e9", query.getFirst("k"));
        assertEquals("", query.getFirst("flag"));
        assertEquals("v", query.getFirst(""));
    }

    @Test
    void noQueryIsNoParameters() {
        assertTrue(QueryParameters.parse(null).isEmpty());
        assertTrue(QueryParameters.parse("").isEmpty());
        assertTrue(QueryParameters.parse("&&").isEmpty());
    }

    @Test
    void aMalformedEscapeIsA400() {
        for (String broken : new String[]{"x=%ZZ", "x=%4", "x%=1", "topic=a&lastEventId=%"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> QueryParameters.parse(broken), broken);
            assertEquals(400, refused.getResponse().getStatus());
            assertTrue(String.valueOf(refused.getResponse().getEntity()).contains("two hex digits"), broken);
        }
    }

    @Test
    void escapesThatAreNotUtf8AreA400() {
        ProblemException refused = assertThrows(ProblemException.class, () -> QueryParameters.parse("x=%C3%28"));
        assertEquals(400, refused.getResponse().getStatus());
        assertTrue(String.valueOf(refused.getResponse().getEntity()).contains("not UTF-8"));
    }
}
