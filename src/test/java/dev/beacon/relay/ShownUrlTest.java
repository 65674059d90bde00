package dev.beacon.relay;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The upstream URL as it may be shown: no user info, no query values, the rest as configured. */
class ShownUrlTest {

    @Test
    void dropsUserInfoAndQueryValues() {
        URI url = URI.create("https://user:pw@api.example:8443/v1/weather?city=berlin&key=abc&flag#top");
        assertEquals("https://api.example:8443/v1/weather?city=***&key=***&flag", ShownUrl.of(url));
        assertEquals("http://api.example/", ShownUrl.of(URI.create("http://api.example/")));
    }

    @Test
    void hidesTheUrlInAMessage() {
        URI url = URI.create("http://user:pw@api.example/x?key=abc");
        assertEquals("failed at http://api.example/x?key=*** for ***",
                ShownUrl.in("failed at " + url + " for user:pw", url));
    }
}
