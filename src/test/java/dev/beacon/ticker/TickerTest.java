package dev.beacon.ticker;

import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotes for every symbol on one connection, the symbols filter, and prices that never go negative. */
class TickerTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(TickerFeed.INTERVAL, "50");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everySymbolArrivesOnOneConnectionAsAnEventNamedAfterIt() {
        Set<String> seen = new HashSet<>();
        try (EventRecorder events = EventRecorder.open(server.api("streams/ticker"))) {
            long previous = 0;
            for (int i = 0; i < 12; i++) {
                InboundSseEvent event = events.next();
                assertTrue(Long.parseLong(event.getId()) > previous, "ids increase");
                previous = Long.parseLong(event.getId());
                JsonObject quote = Http.json(event.readData());
                assertEquals(event.getName(), quote.getString("symbol"), "the event name is the symbol");
                assertEquals(JsonValue.ValueType.NUMBER, quote.get("price").getValueType());
                assertEquals(JsonValue.ValueType.NUMBER, quote.get("change").getValueType());
                assertTrue(quote.getJsonNumber("price").doubleValue() > 0, quote.toString());
                seen.add(event.getName());
            }
        }
        assertEquals(Set.of("AAPL", "GOOGL", "MSFT"), seen);
    }

    @Test
    void symbolsNarrowsTheSubscription() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/ticker?symbols=AAPL,MSFT"))) {
            for (int i = 0; i < 10; i++) {
                assertTrue(Set.of("AAPL", "MSFT").contains(events.next().getName()));
            }
        }
    }

    @Test
    void writesQuotesAsNamedEventsOnTheWire() {
        try (RawSse stream = RawSse.get(server, "streams/ticker?symbols=GOOGL")) {
            String body = stream.readUntil("}\n\n");
            assertTrue(body.matches("(?s): beacon stream open\n\nid: \\d+\n\n(: heartbeat\n\n)*id: \\d+\ntopic: ticker\nevent: GOOGL\n"
                    + "data: \\{\"change\":-?[0-9.E-]+,\"price\":[0-9.E]+,\"symbol\":\"GOOGL\"}\n\n"), body);
        }
    }

    @Test
    void refusesAnUnknownSymbol() {
        HttpResponse<String> response = http.get("streams/ticker?symbols=AAPL,NOPE");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("NOPE"), response.body());
    }

    @Test
    void aPriceNeverGoesNegativeEvenWhenEveryStepIsTheLargestFall() {
        RandomGenerator alwaysDown = () -> 0L; // nextDouble() is 0: the largest step down, every time
        RandomWalk walk = new RandomWalk("DOWN", 1.00, alwaysDown);
        for (int i = 0; i < 10_000; i++) {
            Quote quote = walk.step();
            assertTrue(quote.price() >= RandomWalk.FLOOR, "step " + i + ": " + quote);
        }
    }
}
