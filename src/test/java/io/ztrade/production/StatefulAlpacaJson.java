package io.ztrade.production;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.ztrade.production.StatefulAlpacaStub.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link StatefulAlpacaStub}'s orders and positions in Alpaca's JSON (its field names, numbers as strings), and its
 * order list's query.
 */
final class StatefulAlpacaJson {

    private StatefulAlpacaJson() {
    }

    /** Every open position the fills make, or only the one in the given symbol. */
    static ArrayNode positions(ObjectMapper mapper, Collection<Order> orders, String symbol) {
        Map<String, List<Order>> bySymbol = orders.stream().filter(order -> order.filledQty() != null)
                .collect(Collectors.groupingBy(order -> key(order.symbol()), LinkedHashMap::new, Collectors.toList()));
        ArrayNode positions = mapper.createArrayNode();
        bySymbol.forEach((key, fills) -> {
            BigDecimal qty = fills.stream().map(Order::signedFill).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (qty.signum() == 0 || (symbol != null && !key.equals(key(symbol)))) {
                return;
            }
            BigDecimal bought = fills.stream().filter(order -> order.side().equals("buy")).map(Order::filledQty)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cost = fills.stream().filter(order -> order.side().equals("buy"))
                    .map(order -> order.filledQty().multiply(order.filledAvgPrice())).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal entry = bought.signum() == 0 ? StatefulAlpacaStub.BID : cost.divide(bought, 9, RoundingMode.HALF_UP);
            BigDecimal value = qty.multiply(StatefulAlpacaStub.BID);
            boolean crypto = fills.get(0).symbol().contains("/");
            positions.addObject()
                    .put("asset_id", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString())
                    .put("symbol", key)
                    .put("exchange", crypto ? "CRYPTO" : "NASDAQ")
                    .put("asset_class", crypto ? "crypto" : "us_equity")
                    .put("qty", qty.toPlainString())
                    .put("qty_available", qty.toPlainString())
                    .put("side", qty.signum() > 0 ? "long" : "short")
                    .put("avg_entry_price", entry.toPlainString())
                    .put("cost_basis", qty.multiply(entry).toPlainString())
                    .put("market_value", value.toPlainString())
                    .put("current_price", StatefulAlpacaStub.BID.toPlainString())
                    .put("unrealized_pl", value.subtract(qty.multiply(entry)).toPlainString());
        });
        return positions;
    }

    static ObjectNode order(ObjectMapper mapper, Order order) {
        ObjectNode json = mapper.createObjectNode()
                .put("id", order.id())
                .put("client_order_id", order.clientOrderId())
                .put("created_at", order.submittedAt().toString())
                .put("updated_at", (order.filledAt() != null ? order.filledAt() : order.submittedAt()).toString())
                .put("submitted_at", order.submittedAt().toString())
                .put("filled_at", order.filledAt() == null ? null : order.filledAt().toString())
                .put("asset_class", order.symbol().contains("/") ? "crypto" : "us_equity")
                .put("symbol", order.symbol())
                .put("qty", order.qty() == null ? null : order.qty().toPlainString())
                .put("notional", order.notional() == null ? null : order.notional().toPlainString())
                .put("filled_qty", order.filledQty() == null ? "0" : order.filledQty().toPlainString())
                .put("filled_avg_price", order.filledAvgPrice() == null ? null : order.filledAvgPrice().toPlainString())
                .put("order_class", "")
                .put("order_type", "market")
                .put("type", "market")
                .put("side", order.side())
                .put("time_in_force", order.timeInForce())
                .put("status", order.status())
                .put("extended_hours", false);
        json.putNull("expired_at");
        json.putNull("canceled_at");
        json.putNull("failed_at");
        json.putNull("limit_price");
        json.putNull("stop_price");
        return json;
    }

    /** Orders write crypto pairs with a slash (BTC/USD), positions without (BTCUSD). */
    static String key(String symbol) {
        return symbol.replace("/", "").toUpperCase(Locale.ROOT);
    }

    /** GET /v2/orders: the query parameters as Alpaca documents them; a bad one is an IllegalArgumentException. */
    static ArrayNode list(ObjectMapper mapper, List<Order> orders, Request request) {
        String status = optional(request, "status", "open");
        if (!List.of("open", "closed", "all").contains(status)) {
            throw new IllegalArgumentException("status must be open, closed or all, not '" + status + "'");
        }
        Instant after = instant(request, "after");
        Instant until = instant(request, "until");
        int limit = Integer.parseInt(optional(request, "limit", "50"));
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, not " + limit);
        }
        boolean ascending = optional(request, "direction", "desc").equals("asc");
        String symbols = optional(request, "symbols", null);
        List<String> wanted = symbols == null ? null
                : List.of(symbols.split(",")).stream().map(StatefulAlpacaJson::key).toList();
        String side = optional(request, "side", null);
        Comparator<Order> bySubmission = Comparator.comparing(Order::submittedAt);
        ArrayNode list = mapper.createArrayNode();
        orders.stream()
                .filter(order -> status.equals("all") || order.open() == status.equals("open"))
                .filter(order -> after == null || order.submittedAt().isAfter(after))
                .filter(order -> until == null || order.submittedAt().isBefore(until))
                .filter(order -> wanted == null || wanted.contains(key(order.symbol())))
                .filter(order -> side == null || order.side().equals(side))
                .sorted(ascending ? bySubmission : bySubmission.reversed())
                .limit(limit)
                .forEach(order -> list.add(order(mapper, order)));
        return list;
    }

    static String required(Request request, String name) {
        String value = optional(request, name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String optional(Request request, String name, String fallback) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : fallback;
    }

    /** An RFC 3339 timestamp or a date (its start, UTC), as Alpaca takes after and until. */
    private static Instant instant(Request request, String name) {
        String value = optional(request, name, null);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC)
                    .toInstant() : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 timestamp or a date, not '" + value + "'");
        }
    }
}
