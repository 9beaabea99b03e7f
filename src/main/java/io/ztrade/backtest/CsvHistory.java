package io.ztrade.backtest;

import io.ztrade.agent.AgentSettings;
import io.ztrade.market.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * <p>
 * Read as a stream and strictly: at most {@code maxBytes} of UTF-8, lines of at most {@value #MAX_LINE} characters,
 * every row with the header's column count, finite non-negative numbers, times strictly increasing, at most
 * {@code maxBars} bars in the range. A mistake names the file as the user named it, the row and the column, never
 * the content (the file may not be a bars file at all).
 */
public final class CsvHistory implements HistorySource {

    static final int MAX_LINE = 1_000;
    private static final String[] NAMES = {"t", "o", "h", "l", "c", "v"};

    /** Opens the bars' bytes; failures are the caller's own {@link RuntimeException} (e.g. "not a readable file"). */
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A bars file as the user named it, and how to read it. */
    public record Source(String name, Opener opener) {
    }

    private final Source source;
    private final long maxBytes;
    private final int maxBars;

    public CsvHistory(Source source, long maxBytes, int maxBars) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.maxBars = maxBars;
    }

    /** A file the caller may read anyway (the command line's, a test's), with generous limits. */
    public CsvHistory(Path file) {
        this(new Source(file.toString(), () -> Files.newInputStream(file)), Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public PriceHistory load(AgentSettings agent, Instant from, Instant to) {
        String file = "bars file '" + printable(source.name()) + "'";
        InputStream opened;
        try {
            opened = source.opener().open();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read");
        }
        List<Bar> bars;
        try (InputStream in = opened;
             Reader reader = new InputStreamReader(new BoundedInputStream(in, maxBytes, file), StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            Lines lines = new Lines(reader, file);
            bars = rows(lines, file, header(lines, file), from, to);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be read to the end", e);
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException(file + " has no bars between " + from + " and " + to);
        }
        return new PriceHistory(agent.symbol(), PriceHistory.timeframe(agent.barTimeframe()), bars);
    }

    /** Where each of t,o,h,l,c,v stands, and how many columns a row has. */
    private record Header(int[] col, int width) {
    }

    private static Header header(Lines lines, String file) throws IOException {
        String first = lines.next();
        if (first == null) {
            throw new IllegalArgumentException(file + " is empty; expected a header t,o,h,l,c,v");
        }
        List<String> header = Arrays.stream(first.split(",", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        int[] col = new int[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            col[i] = header.indexOf(NAMES[i]);
            if (col[i] < 0) {
                throw new IllegalArgumentException(file + " row 1 (the header) has no column '" + NAMES[i]
                        + "'; expected t,o,h,l,c,v as in Alpaca's bars API");
            }
        }
        return new Header(col, header.size());
    }

    /** The bars in [from, to); every row is checked, in range or not. */
    private List<Bar> rows(Lines lines, String file, Header header, Instant from, Instant to) throws IOException {
        List<Bar> bars = new ArrayList<>();
        Instant previous = null;
        for (String line = lines.next(); line != null; line = lines.next()) {
            int row = lines.row();
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.width()) {
                throw new IllegalArgumentException(file + " row " + row + " has " + f.length + " columns, the header "
                        + header.width());
            }
            Instant t = time(f[header.col()[0]], file, row, previous);
            previous = t;
            if (t.isBefore(from) || !t.isBefore(to)) {
                continue;
            }
            double[] v = new double[5];
            for (int i = 1; i < NAMES.length; i++) {
                v[i - 1] = num(f[header.col()[i]], file, row, NAMES[i]);
                // a price of 0 made the order quantity infinite and failed the replay mid-way with BigDecimal's
                // "Character I is neither a decimal digit"; a volume of 0 is a quiet bar
                if (v[i - 1] == 0 && !"v".equals(NAMES[i])) {
                    throw new IllegalArgumentException(file + " row " + row + ", column '" + NAMES[i] + "': a price must be above 0");
                }
            }
            if (bars.size() >= maxBars) {
                throw new IllegalArgumentException(file + " has more than ztrade.backtest.max-bars-per-job (" + maxBars
                        + ") bars between " + from + " and " + to + "; backtest a shorter range");
            }
            bars.add(new Bar(t, v[0], v[1], v[2], v[3], v[4]));
        }
        return bars;
    }

    private static Instant time(String s, String file, int row, Instant previous) {
        Instant t;
        try {
            t = Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " row " + row + ", column 't': not a time like 2025-01-02T14:30:00Z");
        }
        if (previous != null && !t.isAfter(previous)) {
            throw new IllegalArgumentException(file + " row " + row + ", column 't': not after the row before; "
                    + "rows go oldest first, one per bar");
        }
        return t;
    }

    private static double num(String s, String file, int row, String column) {
        double value;
        try {
            value = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " row " + row + ", column '" + column + "': not a number");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(file + " row " + row + ", column '" + column + "': not a finite number >= 0");
        }
        return value;
    }

    static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + "MB" : bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + " bytes";
    }

    /** A user-given name fit for a one-line message: control characters escaped, at most 100 characters. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (s.length() >= 100) {
                return s + "...";
            }
            s.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.toString();
    }

    /** Lines of at most {@link #MAX_LINE} characters, counted from 1. */
    private static final class Lines {
        private final Reader reader;
        private final String file;
        private final StringBuilder line = new StringBuilder();
        private int row;
        private boolean end;

        Lines(Reader reader, String file) {
            this.reader = reader;
            this.file = file;
        }

        String next() throws IOException {
            if (end) {
                return null;
            }
            line.setLength(0);
            row++;
            for (int c = reader.read(); ; c = reader.read()) {
                if (c < 0) {
                    end = true;
                    return line.isEmpty() ? null : line.toString();
                }
                if (c == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                if (line.length() >= MAX_LINE) {
                    throw new IllegalArgumentException(file + " row " + row + " is longer than " + MAX_LINE
                            + " characters; not a bars file?");
                }
                line.append((char) c);
            }
        }

        int row() {
            return row;
        }
    }
}
