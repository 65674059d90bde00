package dev.beacon.ticker;

import dev.beacon.hub.HubEvent;
import dev.beacon.problem.ProblemException;
import dev.beacon.stream.TopicFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** {@code ?symbols=AAPL,MSFT} on {@code /api/streams/ticker}: only those symbols' quotes; unknown symbols are a 400. */
@ApplicationScoped
public class SymbolsFilter implements TopicFilter {

    @Inject
    TickerFeed feed;

    @Override
    public String topic() {
        return Quote.TOPIC;
    }

    @Override
    public String parameter() {
        return "symbols";
    }

    @Override
    public Predicate<HubEvent> parse(String value) {
        Set<String> wanted = new HashSet<>();
        for (String symbol : value.split(",", -1)) {
            String trimmed = symbol.trim();
            if (!feed.symbols().contains(trimmed)) {
                throw ProblemException.badRequest("Unknown symbol '" + trimmed + "': the ticker has "
                        + feed.symbols().stream().sorted().toList());
            }
            wanted.add(trimmed);
        }
        return event -> wanted.contains(event.name());
    }
}
