package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Publisher;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only the direct transport does: a client that leaves is released when its connection closes, not at the next
 * heartbeat (an hour away here, so only the close can be what releases it); it writes the HTTP framing itself, so an
 * HTTP/1.0 client, the end of a stream and a request sent after a stream's request are its own to get right.
 */
class DirectTransportTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(EmbeddedServer.TRANSPORT, "direct", BeaconConfig.HEARTBEAT, "3600");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatLeavesIsReleasedWhenItsConnectionCloses() {
        RawSse stream = RawSse.get(server, "streams/leaving-now");
        stream.readUntil(": beacon stream open\n\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 1);

        stream.close();

        await("the subscriber to be released by the close").atMost(Duration.ofSeconds(10))
                .until(() -> subscribers() == 0);
    }

    @Test
    void anHttp10ClientGetsTheStreamUnchunkedUntilTheConnectionCloses() {
        RawSse stream = RawSse.send(server, "GET /api/streams/old-client HTTP/1.0\r\n\r\n");
        long position = stream.readOpening();
        String head = stream.head();
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertTrue(head.contains("Content-Type: text/event-stream\r\n"), head);
        assertTrue(head.contains("Connection: close\r\n"), head);
        assertFalse(head.toLowerCase().contains("transfer-encoding"), head);

        HubEvent event = server.bean(Publisher.class).publish("old-client", "hello");
        stream.readUntil("data: hello\n\n");
        server.bean(Hub.class).removeTopic("old-client");

        assertEquals(RawSse.opening(position) + "id: " + event.id() + "\ntopic: old-client\ndata: hello\n\n", stream.readToEnd());
    }

    @Test
    void aStreamTheServerEndsGetsTheLastChunkThenTheConnectionCloses() {
        RawSse stream = RawSse.get(server, "streams/ending-here");
        long position = stream.readOpening();

        server.bean(Hub.class).removeTopic("ending-here");

        assertEquals(RawSse.opening(position), stream.readToEnd());
        assertTrue(stream.sawLastChunk(), "the chunked body ended with its last chunk");
    }

    @Test
    void aRequestSentOnAStreamsConnectionEndsThatConnectionInsteadOfAnswering() {
        RawSse stream = RawSse.get(server, "streams/pipelined");
        long position = stream.readOpening();

        stream.write("GET /api/topics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertEquals(RawSse.opening(position), stream.readToEnd());
        await("the subscriber to be released").atMost(Duration.ofSeconds(10))
                .until(() -> subscribers("pipelined") == 0);
    }

    private int subscribers() {
        return subscribers("leaving-now");
    }

    /** A topic with no subscribers and no events leaves the hub (404): none then. */
    private int subscribers(String topic) {
        HttpResponse<String> stats = http.get("topics/" + topic);
        return stats.statusCode() == 404 ? 0 : Http.json(stats.body()).getInt("subscribers");
    }
}
