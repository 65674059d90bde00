package dev.beacon.client;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's small JSON reader and writer. */
class JsonTest {

    @Test
    void readsObjectsArraysNumbersAndEscapes() {
        Map<String, Object> json = Json.object("{ \"s\": \"a\\\"b\\\\c\\n\\u00e9\\/\", \"n\": -12, \"d\": 1.5e2,"
                + " \"t\": true, \"f\": false, \"z\": null, \"list\": [1, [], {}], \"o\": {\"k\": \"v\"} }");
        assertEquals("a\"b\\c\né/", json.get("s"));
        assertEquals(-12L, json.get("n"));
        assertEquals(150.0, json.get("d"));
        assertEquals(true, json.get("t"));
        assertEquals(false, json.get("f"));
        assertTrue(json.containsKey("z"));
        assertNull(json.get("z"));
        assertEquals(List.of(1L, List.of(), Map.of()), json.get("list"));
        assertEquals(Map.of("k", "v"), json.get("o"));
    }

    @Test
    void refusesWhatIsNotJsonSayingWhere() {
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertTrue(trailing.getMessage().contains("offset 3"), trailing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,"));
        assertThrows(IllegalArgumentException.class, () -> Json.object("[]"));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "tab\tquote\" control\u0001");
        value.put("n", 3);
        value.put("list", List.of(true, "x"));
        value.put("none", null);
        String written = Json.write(value);
        assertEquals("{\"text\":\"tab\\tquote\\\" control\\u0001\",\"n\":3,\"list\":[true,\"x\"],\"none\":null}",
                written);
        assertEquals("tab\tquote\" control\u0001", Json.object(written).get("text"));
    }
}
