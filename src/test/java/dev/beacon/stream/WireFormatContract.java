package dev.beacon.stream;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Publisher;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes on the wire, read from a socket, against https://html.spec.whatwg.org/multipage/server-sent-events.html. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WireFormatContract {

    /** {@code direct} or {@code portable}: see {@link dev.beacon.server.EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    private TestServer server;
    private Http http;

    @BeforeAll
    void start() {
        server = TestServer.start(EmbeddedServer.TRANSPORT, transport(), BeaconConfig.HEARTBEAT, "0.3");
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void answersWithEventStreamHeadersAndAnOpeningComment() {
        try (RawSse stream = RawSse.get(server, "streams/wire-headers")) {
            String head = stream.head().toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 200"), head);
            assertTrue(head.contains("content-type: text/event-stream"), head);
            assertTrue(head.contains("cache-control: no-cache"), head);
            assertTrue(head.contains("x-accel-buffering: no"), head);
            assertFalse(head.contains("content-encoding"), "an event stream is never compressed: " + head);
            assertEquals(": beacon stream open\n\n", stream.readUntil("\n\n"),
                    "a comment right after the headers, so proxies see the response start");
            long position = stream.readOpening();
            assertEquals(RawSse.opening(position), stream.body(), "then the subscription's position, as an id alone");
        }
    }

    @Test
    void splitsDataOnCrLfAndCrlfIntoOneDataLineEach() {
        try (RawSse stream = RawSse.get(server, "streams/wire-lines")) {
            stream.readUntil("open\n\n");
            String id = http.published("wire-lines", "multi", "one\r\ntwo\rthree\nfour");
            String body = stream.readUntil("four\n\n");
            assertTrue(body.endsWith("id: " + id + "\ntopic: wire-lines\nevent: multi\ndata: one\ndata: two\ndata: three\ndata: four\n\n"),
                    body);
        }
    }

    @Test
    void namesEachEventsTopicOnASubscriptionToSeveral() {
        try (RawSse stream = RawSse.get(server, "streams?topic=wire-a&topic=wire-b")) {
            stream.readUntil("open\n\n");
            String a = http.published("wire-a", null, "to a");
            String b = http.published("wire-b", "named", "to b");
            String body = RawSse.withoutHeartbeats(stream.readUntil("to b\n\n"));
            // An unknown field, which the spec's parser ignores: browsers and JAX-RS clients see the same events.
            assertTrue(body.endsWith("id: " + a + "\ntopic: wire-a\ndata: to a\n\n"
                    + "id: " + b + "\ntopic: wire-b\nevent: named\ndata: to b\n\n"), body);
        }
    }

    @Test
    void keepsALeadingSpaceAndEmptyLinesOfData() {
        try (RawSse stream = RawSse.get(server, "streams/wire-space")) {
            stream.readUntil("open\n\n");
            String id = http.published("wire-space", null, " indented\n\nend");
            String body = stream.readUntil("end\n\n");
            // One space after the colon is the one the client strips; the value's own space follows it.
            assertTrue(body.endsWith("id: " + id + "\ntopic: wire-space\ndata:  indented\ndata: \ndata: end\n\n"), body);
        }
    }

    @Test
    void writesEmptyDataAsOneEmptyDataLineSoTheEventStillFires() {
        try (RawSse stream = RawSse.get(server, "streams/wire-empty")) {
            stream.readUntil("open\n\n");
            String id = server.bean(Publisher.class).publish("wire-empty", "ping", "").idText();
            assertTrue(stream.readUntil("data: \n\n").endsWith("id: " + id + "\ntopic: wire-empty\nevent: ping\ndata: \n\n"),
                    stream.body());
        }
    }

    @Test
    void carriesUtf8ByteForByte() {
        String chinese = "服务器发送事件：你好，世界 🌏";
        try (RawSse stream = RawSse.get(server, "streams/wire-utf8")) {
            stream.readUntil("open\n\n");
            http.published("wire-utf8", "zh", chinese);
            String body = stream.readUntil(chinese + "\n\n");
            byte[] expected = ("data: " + chinese + "\n\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = body.substring(body.length() - ("data: " + chinese + "\n\n").length())
                    .getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, tail);
            assertFalse(body.startsWith("\uFEFF"), "no byte-order mark");
        }
    }

    @Test
    void writesRetryWhenThePublisherSetsIt() {
        try (RawSse stream = RawSse.get(server, "streams/wire-retry")) {
            stream.readUntil("open\n\n");
            http.publishJson("wire-retry", "{\"event\":\"r\",\"data\":{\"a\":1},\"retry\":2500}");
            assertTrue(stream.readUntil("}\n\n").endsWith("event: r\nretry: 2500\ndata: {\"a\":1}\n\n"),
                    stream.body());
        }
    }

    /**
     * The position that opens a stream is a resume point before the first event: a client whose first connection
     * drops before any event reconnects with it and gets what was published meanwhile.
     */
    @Test
    void aClientThatDropsBeforeItsFirstEventResumesFromThePositionItOpenedWith() {
        long position;
        try (RawSse first = RawSse.get(server, "streams/wire-position")) {
            position = first.readOpening();
        }
        String missed = http.published("wire-position", null, "while away");
        try (RawSse again = RawSse.get(server, "streams/wire-position", "Last-Event-ID: " + position)) {
            assertEquals(RawSse.opening(position) + "id: " + missed + "\ntopic: wire-position\ndata: while away\n\n",
                    RawSse.withoutHeartbeats(again.readUntil("data: while away\n\n")));
        }
    }

    @Test
    void sendsAHeartbeatCommentOnAnIdleStream() {
        try (RawSse stream = RawSse.get(server, "streams/wire-heartbeat")) {
            String body = stream.readUntil(": heartbeat\n\n");
            assertTrue(body.startsWith(": beacon stream open\n\n"), body);
        }
    }
}
