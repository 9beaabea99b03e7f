package io.ztrade.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import java.util.List;

/**
 * Alpaca's order and position reads as WireMock stubs, from Alpaca's documented order and position objects
 * (docs.alpaca.markets, "Orders" and "Positions"; numbers as strings, timestamps RFC 3339).
 */
public final class AlpacaOrdersStub {

    public static final String ORDERS = "/v2/orders";
    public static final String BY_ID = "/v2/orders:by_client_order_id";

    private AlpacaOrdersStub() {
    }

    /** An order object as Alpaca returns it; qty or notional null as the order was placed. */
    public static String order(String id, String clientOrderId, String symbol, String assetClass, String side, String qty,
                        String notional, String status, String filledQty, String filledAvgPrice, String submittedAt) {
        return """
                {"id": "%s", "client_order_id": "%s", "created_at": "%s", "updated_at": "%s", "submitted_at": "%s",
                 "filled_at": %s, "expired_at": null, "canceled_at": null, "failed_at": null, "replaced_at": null,
                 "replaced_by": null, "replaces": null, "asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
                 "symbol": "%s", "asset_class": "%s", "notional": %s, "qty": %s, "filled_qty": "%s",
                 "filled_avg_price": %s, "order_class": "", "order_type": "market", "type": "market", "side": "%s",
                 "time_in_force": "%s", "limit_price": null, "stop_price": null, "status": "%s", "extended_hours": false,
                 "legs": null, "trail_percent": null, "trail_price": null, "hwm": null}
                """.formatted(id, clientOrderId, submittedAt, submittedAt, submittedAt,
                "filled".equals(status) ? "\"" + submittedAt + "\"" : "null", symbol, assetClass, quoted(notional),
                quoted(qty), filledQty, quoted(filledAvgPrice), side, "crypto".equals(assetClass) ? "gtc" : "day", status);
    }

    /** A position object as Alpaca returns it (crypto symbols without the slash). */
    public static String position(String symbol, String assetClass, String qty, String price) {
        return """
                {"asset_id": "904837e3-3b76-47ec-b432-046db621571b", "symbol": "%s", "exchange": "NASDAQ",
                 "asset_class": "%s", "asset_marginable": false, "avg_entry_price": "%s", "qty": "%s", "qty_available": "%s",
                 "side": "long", "market_value": "1000", "cost_basis": "1000", "unrealized_pl": "0", "unrealized_plpc": "0",
                 "unrealized_intraday_pl": "0", "unrealized_intraday_plpc": "0", "current_price": "%s",
                 "lastday_price": "%s", "change_today": "0"}
                """.formatted(symbol, assetClass, price, qty, qty, price, price);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** {@code GET /v2/orders} answers these orders (one page); by client order id each, else 404. */
    public static void orders(Stubbing alpaca, List<String> orders, List<String> clientOrderIds) {
        alpaca.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(json("[" + String.join(",", orders) + "]")));
        alpaca.stubFor(get(urlPathEqualTo(BY_ID)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        for (int i = 0; i < clientOrderIds.size(); i++) {
            byClientOrderId(alpaca, clientOrderIds.get(i), orders.get(i));
        }
    }

    public static void byClientOrderId(Stubbing alpaca, String clientOrderId, String order) {
        alpaca.stubFor(get(urlPathEqualTo(BY_ID)).atPriority(1).withQueryParam("client_order_id", equalTo(clientOrderId))
                .willReturn(json(order)));
    }

    public static void positions(Stubbing alpaca, String... positions) {
        alpaca.stubFor(get(urlPathEqualTo("/v2/positions")).willReturn(json("[" + String.join(",", positions) + "]")));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
