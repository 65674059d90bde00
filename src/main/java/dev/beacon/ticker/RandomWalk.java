package dev.beacon.ticker;

import java.util.random.RandomGenerator;

/**
 * One symbol's price: each step moves it by a random percentage (at most {@value #MAX_STEP} either way), in cents.
 * A multiplicative step can only shrink a positive price towards zero, and the floor keeps it a valid price.
 */
final class RandomWalk {

    static final double FLOOR = 0.01;
    static final double MAX_STEP = 0.02;

    private final String symbol;
    private final RandomGenerator random;
    private double price;

    RandomWalk(String symbol, double start, RandomGenerator random) {
        this.symbol = symbol;
        this.random = random;
        this.price = Math.max(FLOOR, cents(start));
    }

    Quote step() {
        double factor = 1 + (random.nextDouble() * 2 - 1) * MAX_STEP;
        double next = Math.max(FLOOR, cents(price * factor));
        Quote quote = new Quote(symbol, next, cents(next - price));
        price = next;
        return quote;
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
