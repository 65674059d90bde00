/**
 * The stock ticker: a random walk of prices for configured symbols on topic {@code ticker}, one event per update whose
 * name is its symbol. {@code ?symbols=AAPL,MSFT} on {@code /api/streams/ticker} narrows a subscription.
 */
package dev.beacon.ticker;
