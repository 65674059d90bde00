package dev.beacon.auth;

import dev.beacon.hub.InvalidInputException;
import dev.beacon.hub.Names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Topics as a grant or {@code beacon.topics.public} names them: an exact topic ({@code payroll}), a prefix ending in
 * {@code *} ({@code job-*}: every topic that starts with {@code job-}), or {@code *} (every topic).
 */
public final class TopicPatterns {

    static final TopicPatterns NONE = new TopicPatterns(List.of(), List.of());
    private static final String ANY = "*";

    private final List<String> exact;
    private final List<String> prefixes;

    private TopicPatterns(List<String> exact, List<String> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /** @throws IllegalArgumentException naming the first pattern that is none of the three forms */
    static TopicPatterns parse(Collection<String> patterns) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String pattern : patterns) {
            String trimmed = pattern == null ? "" : pattern.trim();
            if (trimmed.endsWith(ANY)) {
                String prefix = trimmed.substring(0, trimmed.length() - 1);
                if (!prefix.isEmpty()) {
                    valid(prefix, pattern);
                }
                prefixes.add(prefix);
            } else {
                exact.add(valid(trimmed, pattern));
            }
        }
        return new TopicPatterns(List.copyOf(exact), List.copyOf(prefixes));
    }

    /** Comma-separated, as a setting holds them; blanks are skipped. */
    static TopicPatterns parse(String commaSeparated) {
        List<String> patterns = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                patterns.add(part.trim());
            }
        }
        return parse(patterns);
    }

    private static String valid(String topicOrPrefix, String pattern) {
        try {
            return Names.topic(topicOrPrefix);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a topic pattern: use a topic, a prefix "
                    + "ending in *, or *");
        }
    }

    public boolean matches(String topic) {
        if (exact.contains(topic)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** True when every topic that starts with {@code prefix} matches: {@code *}, or a prefix of that prefix. */
    public boolean coversPrefix(String prefix) {
        for (String granted : prefixes) {
            if (prefix.startsWith(granted)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(exact);
        prefixes.forEach(prefix -> all.add(prefix + ANY));
        return String.join(",", all);
    }
}
