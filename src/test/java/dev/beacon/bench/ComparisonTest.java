package dev.beacon.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The side-by-side table: a column per target in the order they ran, a row per figure in the order given. */
class ComparisonTest {

    @Test
    void printsEveryTargetsFigureInItsColumnAndADashForOneNotGiven() {
        Comparison table = new Comparison();
        table.put("embedded direct", "idle: RSS per connection", "8.5 KB");
        table.put("embedded direct", "burst: delivered", "2,000/2,000, none lost");
        table.put("WildFly", "idle: RSS per connection", "58.5 KB");

        assertEquals(List.of(
                "| workload | embedded direct | WildFly |",
                "|---|---|---|",
                "| idle: RSS per connection | 8.5 KB | 58.5 KB |",
                "| burst: delivered | 2,000/2,000, none lost | - |"), table.lines());
    }
}
