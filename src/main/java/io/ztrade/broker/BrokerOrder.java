package io.ztrade.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderDataException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One order as the broker holds it (Alpaca's order object): what reconciliation compares with the records.
 *
 * @param qty      the ordered quantity, null for an order by notional
 * @param notional the ordered dollars, null for an order by quantity
 * @param assetClass Alpaca's {@code us_equity} or {@code crypto}; null when not sent
 */
public record BrokerOrder(String id, String clientOrderId, String symbol, String side, BigDecimal qty,
                          BigDecimal notional, String status, BigDecimal filledQty, BigDecimal filledAvgPrice,
                          Instant submittedAt, String assetClass) {

    /** Ztrade's client order ids start with it ({@link ClientOrderIds}); other orders are someone else's. */
    public static final String ZTRADE_PREFIX = "zt-";

    static BrokerOrder fromAlpaca(JsonNode json, String target) {
        return new BrokerOrder(Json.text(json, "id", target), json.path("client_order_id").asText(""),
                json.path("symbol").asText(""), json.path("side").asText(""), Json.optionalDecimal(json, "qty"),
                Json.optionalDecimal(json, "notional"), Json.text(json, "status", target),
                Json.optionalDecimal(json, "filled_qty"), Json.optionalDecimal(json, "filled_avg_price"),
                time(json, "submitted_at", target), json.path("asset_class").asText(null));
    }

    static Instant time(JsonNode json, String field, String target) {
        String text = json.path(field).asText(null);
        try {
            return text == null || text.isBlank() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProviderDataException(target + " sent " + field + " '" + text + "', not an RFC 3339 timestamp");
        }
    }

    public boolean placedByZtrade() {
        return clientOrderId != null && clientOrderId.startsWith(ZTRADE_PREFIX);
    }

    /** What it means for a run: filled, refused/canceled/expired, or still open. */
    public OrderAck.State state() {
        return OrderAck.stateOf(status);
    }

    public OrderAck ack() {
        return new OrderAck(clientOrderId, id, side, status, state(), filledQty, filledAvgPrice, submittedAt, null);
    }

    /**
     * Whether this is the order described: same symbol (BTC/USD and BTCUSD are one), side and size (qty, or notional
     * for an order by dollars). A broker order under a run's id is the run's only when it matches.
     */
    public boolean matches(String ourSymbol, OrderSide ourSide, BigDecimal ourQty, BigDecimal ourNotional) {
        boolean sameSize = ourQty != null ? qty != null && qty.compareTo(ourQty) == 0
                : notional != null && ourNotional != null && notional.compareTo(ourNotional) == 0;
        return sameSymbol(symbol, ourSymbol) && side.equalsIgnoreCase(ourSide.alpacaName()) && sameSize;
    }

    public boolean matches(OrderRequest order) {
        return matches(order.symbol(), order.side(), order.qty(), order.notional());
    }

    /** "buy 4.2 TSLA" or "buy $1000 of TSLA". */
    public String describe() {
        return side + " " + (qty != null ? qty.toPlainString() + " " + symbol
                : notional != null ? "$" + notional.toPlainString() + " of " + symbol : "? " + symbol);
    }

    /** Alpaca names crypto pairs with a slash in orders (BTC/USD) and without one in positions (BTCUSD). */
    public static boolean sameSymbol(String a, String b) {
        return a.replace("/", "").equalsIgnoreCase(b.replace("/", ""));
    }
}
