package io.ztrade.replay;

import io.ztrade.agent.AgentSettings;
import io.ztrade.market.Bar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bars from a CSV file in Alpaca's bar format: a header naming {@code t,o,h,l,c,v} (any order, other columns
 * ignored), {@code t} an ISO-8601 instant such as {@code 2025-01-02T14:30:00Z}. Rows must be oldest first.
 */
public record CsvHistory(Path file) implements HistorySource {

    @Override
    public PriceHistory load(AgentSettings agent, Instant from, Instant to) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read bars file " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("bars file " + file + " is empty; expected a header t,o,h,l,c,v");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        int[] col = new int[6];
        String[] names = {"t", "o", "h", "l", "c", "v"};
        for (int i = 0; i < names.length; i++) {
            col[i] = header.indexOf(names[i]);
            if (col[i] < 0) {
                throw new IllegalArgumentException("bars file " + file + ": header " + header + " has no column '" + names[i]
                        + "'; expected t,o,h,l,c,v as in Alpaca's bars API");
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            try {
                Instant t = Instant.parse(f[col[0]].trim());
                if (t.isBefore(from) || !t.isBefore(to)) {
                    continue;
                }
                bars.add(new Bar(t, num(f[col[1]]), num(f[col[2]]), num(f[col[3]]), num(f[col[4]]), num(f[col[5]])));
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("bars file " + file + " line " + (n + 1) + " '" + line + "': " + e.getMessage());
            }
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("bars file " + file + " has no bars between " + from + " and " + to);
        }
        return new PriceHistory(agent.symbol(), PriceHistory.timeframe(agent.barTimeframe()), bars);
    }

    private static double num(String s) {
        return Double.parseDouble(s.trim());
    }
}
