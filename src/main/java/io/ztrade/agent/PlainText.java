package io.ztrade.agent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The API's answers for people ({@code Accept: text/plain}, what {@code bin/ztrade} asks for unless {@code --json}):
 * aligned tables, times in New York time like the crons, as Elasticsearch's {@code _cat} APIs answer a terminal.
 * JSON stays the default for every other client.
 */
public final class PlainText {

    /** The desk's time zone: the crons' and the NYSE session's. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(NEW_YORK);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(NEW_YORK);

    private PlainText() {
    }

    /** Whether the request asked for text (its Accept names text/plain before any JSON type). */
    public static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        int text = accept.indexOf(MediaType.TEXT_PLAIN_VALUE);
        int json = accept.indexOf("json");
        return text >= 0 && (json < 0 || text < json);
    }

    public static ResponseEntity<String> answer(String text) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    /** A time to the second in New York time, "-" when there is none. */
    public static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    /** A time to the millisecond in New York time (log lines). */
    public static String millis(Instant at) {
        return at == null ? "-" : MILLIS.format(at);
    }

    /** The text cut to {@code max} characters, newlines as spaces; "" for null. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** A table: one header row, columns as wide as their widest cell, two spaces apart, no trailing blanks. */
    public static String table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers != null ? headers.size() : rows.isEmpty() ? 0 : rows.get(0).size()];
        List<List<String>> all = new ArrayList<>();
        if (headers != null) {
            all.add(headers);
        }
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = cell(row, i);
                line.append(cell);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Name-value lines, the values aligned. */
    public static String fields(List<List<String>> rows) {
        return table(null, rows);
    }

    private static String cell(List<String> row, int i) {
        String cell = i < row.size() ? row.get(i) : null;
        return cell == null ? "" : cell;
    }
}
