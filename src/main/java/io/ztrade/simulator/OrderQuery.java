package io.ztrade.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /v2/orders}' filters, as Alpaca documents them: {@code status} open (default) | closed | all,
 * {@code after} and {@code until} bound the submission time (both exclusive), {@code limit} 1 to 500 (default 50),
 * {@code direction} desc (default) | asc, {@code symbols} comma-separated, {@code side} buy | sell.
 *
 * @param symbols empty for every symbol; compared without the slash and case, so BTC/USD and BTCUSD agree
 */
public record OrderQuery(String status, Instant after, Instant until, int limit, boolean ascending, Set<String> symbols,
                         String side) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * @throws OrderRefused 422 naming the parameter and its bad value
     */
    static OrderQuery parse(Map<String, String> params) {
        String status = oneOf(params, "status", "open", "open", "closed", "all");
        String direction = oneOf(params, "direction", "desc", "asc", "desc");
        String side = oneOf(params, "side", null, "buy", "sell");
        oneOf(params, "nested", "false", "true", "false");
        return new OrderQuery(status, instant(params, "after"), instant(params, "until"), limit(params), "asc".equals(direction),
                symbols(params.get("symbols")), side);
    }

    boolean matches(SimulatedOrder o) {
        boolean statusMatches = switch (status) {
            case "open" -> o.open();
            case "closed" -> !o.open();
            default -> true;
        };
        return statusMatches && (after == null || o.submittedAt().isAfter(after))
                && (until == null || o.submittedAt().isBefore(until))
                && (symbols.isEmpty() || symbols.contains(normalized(o.symbol())))
                && (side == null || side.equals(o.side()));
    }

    private static String oneOf(Map<String, String> params, String name, String fallback, String... allowed) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(lower)) {
            throw invalid(name + " must be " + String.join(" or ", allowed) + ", got '" + value + "'");
        }
        return lower;
    }

    private static int limit(Map<String, String> params) {
        String value = params.get("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }

    /** RFC 3339 (2026-12-01T14:30:00Z, with any offset), or a date meaning its 00:00 UTC. */
    static Instant instant(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // a "+01:00" offset sent unencoded arrives as " 01:00"
            return OffsetDateTime.parse(value.trim().replace(" ", "+")).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw invalid(name + " must be an RFC 3339 timestamp such as 2026-12-01T14:30:00Z, got '" + value + "'");
            }
        }
    }

    private static Set<String> symbols(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(OrderQuery::normalized)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String normalized(String symbol) {
        return symbol.replace("/", "").toUpperCase(Locale.ROOT);
    }

    private static OrderRefused invalid(String message) {
        return new OrderRefused(422, 40010000, message);
    }
}
