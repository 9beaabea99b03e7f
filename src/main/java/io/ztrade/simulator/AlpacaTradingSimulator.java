package io.ztrade.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alpaca's orders API with Alpaca's shapes: money as strings, 422 for a reused client order id or an order that is
 * no longer cancelable, 403 for buying power, 404 for an unknown order. Market and limit orders.
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/simulator/alpaca")
class AlpacaTradingSimulator {

    private static final Set<String> CRYPTO_TIME_IN_FORCE = Set.of("gtc", "ioc");
    private static final Set<String> EQUITY_TIME_IN_FORCE = Set.of("day", "gtc", "opg", "cls", "ioc", "fok");
    private static final Pattern ORDER_ID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final SimulatedAccount account;
    private final SimulatedMarket market;

    AlpacaTradingSimulator(SimulatedAccount account, SimulatedMarket market) {
        this.account = account;
        this.market = market;
    }

    @PostMapping("/v2/orders")
    Map<String, Object> submit(@RequestBody JsonNode body) {
        return AlpacaJson.order(account.submit(ticketOf(body)));
    }

    /** The account's orders, filtered and ordered as {@link OrderQuery} describes. */
    @GetMapping("/v2/orders")
    List<Map<String, Object>> orders(@RequestParam Map<String, String> params) {
        return account.orders(OrderQuery.parse(params)).stream().map(AlpacaJson::order).toList();
    }

    @GetMapping("/v2/orders/{orderId}")
    Map<String, Object> order(@PathVariable String orderId) {
        return AlpacaJson.order(account.orderById(canonical(orderId))
                .orElseThrow(() -> new OrderRefused(404, 40410000, "order not found for " + orderId)));
    }

    @GetMapping("/v2/orders:by_client_order_id")
    Map<String, Object> byClientOrderId(@RequestParam("client_order_id") String clientOrderId) {
        return AlpacaJson.order(account.order(clientOrderId)
                .orElseThrow(() -> new OrderRefused(404, 40410000, "order not found")));
    }

    /** 204 when canceled; 422 when already filled, canceled or expired; 404 when unknown. */
    @DeleteMapping("/v2/orders/{orderId}")
    ResponseEntity<Void> cancel(@PathVariable String orderId) {
        account.cancel(canonical(orderId));
        return ResponseEntity.noContent().build();
    }

    /** Cancels every open order: 207 with one {id, status, body} per order, as Alpaca answers. */
    @DeleteMapping("/v2/orders")
    ResponseEntity<List<Map<String, Object>>> cancelAll() {
        List<Map<String, Object>> results = account.orders(OrderQuery.parse(Map.of("status", "open", "limit", "500"))).stream()
                .map(o -> Map.<String, Object>of("id", o.id(), "status", 200, "body", AlpacaJson.order(account.cancel(o.id()))))
                .toList();
        return ResponseEntity.status(207).body(results);
    }

    /** Alpaca's order ids are UUIDs, written with or without dashes. */
    private static String canonical(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new OrderRefused(422, 40010000, "order_id must be a UUID, got '" + orderId + "'");
        }
        String hex = orderId.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20);
    }

    private OrderTicket ticketOf(JsonNode body) {
        String symbol = body.path("symbol").asText("");
        String side = body.path("side").asText("");
        String type = body.path("type").asText("");
        String timeInForce = body.path("time_in_force").asText("");
        String clientOrderId = body.path("client_order_id").asText("");
        if (symbol.isBlank() || !Set.of("buy", "sell").contains(side) || !Set.of("market", "limit").contains(type)) {
            throw invalid("symbol, side (buy|sell) and type (market|limit) are required");
        }
        if (body.hasNonNull("qty") == body.hasNonNull("notional")) {
            throw new OrderRefused(400, 40010000, "exactly one of qty or notional is required");
        }
        if (market.isCrypto(symbol) ? !CRYPTO_TIME_IN_FORCE.contains(timeInForce) : !EQUITY_TIME_IN_FORCE.contains(timeInForce)) {
            throw invalid("invalid " + (market.isCrypto(symbol) ? "crypto " : "") + "time_in_force '" + timeInForce + "'");
        }
        if (clientOrderId.isBlank() || clientOrderId.length() > 48) {
            throw invalid("client_order_id must be 1 to 48 characters");
        }
        BigDecimal qty = positive(body, "qty");
        BigDecimal notional = positive(body, "notional");
        BigDecimal limitPrice = positive(body, "limit_price");
        if ("limit".equals(type) && (limitPrice == null || qty == null)) {
            throw invalid("a limit order needs limit_price and qty");
        }
        if ("market".equals(type) && limitPrice != null) {
            throw invalid("limit_price is only for limit orders");
        }
        return new OrderTicket(clientOrderId, symbol, side, type, timeInForce, qty, notional, limitPrice);
    }

    private static BigDecimal positive(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(body.get(field).asText());
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw invalid(field + " must be a positive number, got '" + body.get(field).asText() + "'");
    }

    private static OrderRefused invalid(String message) {
        return new OrderRefused(422, 40010000, message);
    }
}
