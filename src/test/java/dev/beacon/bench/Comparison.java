package dev.beacon.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of every target side by side: one column per target, one row per figure, in the order the workloads
 * gave them; printed as a Markdown table, so it can go into the README as it is.
 */
final class Comparison {

    private final List<String> columns = new ArrayList<>();
    private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();

    void put(String column, String row, String value) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
        rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, value);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table; a figure a target did not give is "-". */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("| workload | " + String.join(" | ", columns) + " |");
        lines.add("|---|" + "---|".repeat(columns.size()));
        rows.forEach((row, values) -> lines.add("| " + row + " | " + String.join(" | ",
                columns.stream().map(column -> values.getOrDefault(column, "-")).toList()) + " |"));
        return lines;
    }
}
