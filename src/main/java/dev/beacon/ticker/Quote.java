package dev.beacon.ticker;

/**
 * One price update, the data of an event named after its symbol.
 *
 * @param symbol the ticker symbol
 * @param price  the new price, never below {@link RandomWalk#FLOOR}
 * @param change the difference from the previous price
 */
public record Quote(String symbol, double price, double change) {

    public static final String TOPIC = "ticker";
}
