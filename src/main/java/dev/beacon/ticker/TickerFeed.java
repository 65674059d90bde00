package dev.beacon.ticker;

import dev.beacon.config.BeaconConfig;
import dev.beacon.feeds.Feeds;
import dev.beacon.hub.Names;
import dev.beacon.hub.Publisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Publishes a quote per symbol every {@value #INTERVAL} milliseconds while the application runs. Symbols come from
 * {@value #SYMBOLS} (default AAPL, GOOGL, MSFT); each starts at 100.
 */
@ApplicationScoped
public class TickerFeed {

    public static final String SYMBOLS = "beacon.ticker.symbols";
    public static final String INTERVAL = "beacon.ticker.interval";
    static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.]{1,12}");

    private final List<RandomWalk> walks = new ArrayList<>();
    private Set<String> symbols;

    @Inject
    BeaconConfig config;

    @Inject
    Feeds feeds;

    @Inject
    Publisher publisher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!feeds.enabled(Quote.TOPIC)) {
            return;
        }
        SplittableRandom random = new SplittableRandom();
        symbols().forEach(symbol -> walks.add(new RandomWalk(symbol, 100, random.split())));
        long period = config.integer(INTERVAL, 1000, 10, 3_600_000);
        feeds.every(Duration.ofMillis(period), "ticker", this::tick);
    }

    /** The configured symbols, checked once: each becomes an event name. */
    public synchronized Set<String> symbols() {
        if (symbols == null) {
            Set<String> parsed = new LinkedHashSet<>();
            for (String symbol : config.text(SYMBOLS).orElse("AAPL,GOOGL,MSFT").split(",")) {
                if (!SYMBOL.matcher(symbol.trim()).matches()) {
                    throw new IllegalArgumentException("Setting " + SYMBOLS + " has '" + symbol
                            + "'; symbols are 1 to 12 of A-Z 0-9 .");
                }
                parsed.add(Names.event(symbol.trim()));
            }
            symbols = Collections.unmodifiableSet(parsed);
        }
        return symbols;
    }

    private void tick() {
        for (RandomWalk walk : walks) {
            Quote quote = walk.step();
            publisher.publish(Quote.TOPIC, quote.symbol(), quote);
        }
    }
}
