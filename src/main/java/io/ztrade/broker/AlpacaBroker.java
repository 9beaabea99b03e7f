package io.ztrade.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.provider.AlpacaHeaders;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttp;
import io.ztrade.provider.ProviderUnavailableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Alpaca's trading API over HTTP; the simulator speaks the same API, so this one class serves paper, live
 * and the embedded default.
 */
@Component
public class AlpacaBroker implements Broker {

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final AlpacaHeaders headers;
    private final ObjectMapper mapper;

    public AlpacaBroker(ProviderHttp http, ProviderEndpoints endpoints, AlpacaHeaders headers, ObjectMapper mapper) {
        this.http = http;
        this.endpoints = endpoints;
        this.headers = headers;
        this.mapper = mapper;
    }

    @Override
    public OrderAck submit(OrderRequest order) {
        ObjectNode body = mapper.createObjectNode()
                .put("symbol", order.symbol())
                .put("side", order.side().alpacaName())
                .put("type", "market")
                .put("time_in_force", order.timeInForce())
                .put("client_order_id", order.clientOrderId());
        if (order.qty() != null) {
            body.put("qty", order.qty().toPlainString());
        } else {
            body.put("notional", order.notional().toPlainString());
        }
        HttpReply reply = http.post(endpoints.alpacaTrading() + "/v2/orders", headers.get(), body.toString());
        if (reply.ok()) {
            return ackOf(reply.json(mapper), reply.target());
        }
        String message = messageOf(reply);
        if (reply.status() == 422 && message.contains("client_order_id must be unique")) {
            // the broker already has this order (an earlier attempt got through): report it, never place it again
            return findByClientOrderId(order.clientOrderId()).orElseThrow(() -> new ProviderUnavailableException(
                    reply.target() + " says order " + order.clientOrderId() + " exists but does not return it yet"));
        }
        if (reply.status() == 429) {
            throw new ProviderUnavailableException(reply.target() + " rate limit reached (HTTP 429): " + message);
        }
        return new OrderAck(order.clientOrderId(), null, order.side().alpacaName(), "rejected", OrderAck.State.REJECTED,
                null, null, Instant.now(), "HTTP " + reply.status() + ": " + message);
    }

    @Override
    public Optional<OrderAck> findByClientOrderId(String clientOrderId) {
        HttpReply reply = http.get(endpoints.alpacaTrading() + "/v2/orders:by_client_order_id?client_order_id="
                + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8), headers.get());
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply);
        return Optional.of(ackOf(reply.json(mapper), reply.target()));
    }

    @Override
    public Account account() {
        HttpReply reply = http.get(endpoints.alpacaTrading() + "/v2/account", headers.get());
        requireOk(reply);
        JsonNode json = reply.json(mapper);
        String t = reply.target();
        return new Account(Json.decimal(json, "cash", t), Json.decimal(json, "equity", t), Json.decimal(json, "buying_power", t),
                json.path("trading_blocked").asBoolean(false), json.path("account_blocked").asBoolean(false));
    }

    @Override
    public Optional<Position> position(String symbol) {
        // positions are keyed without the slash: BTC/USD is BTCUSD
        String key = symbol.replace("/", "");
        HttpReply reply = http.get(endpoints.alpacaTrading() + "/v2/positions/" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                headers.get());
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply);
        JsonNode json = reply.json(mapper);
        String t = reply.target();
        return Optional.of(new Position(symbol, Json.decimal(json, "qty", t), Json.decimal(json, "market_value", t),
                Json.decimal(json, "avg_entry_price", t)));
    }

    private OrderAck ackOf(JsonNode json, String target) {
        String status = Json.text(json, "status", target);
        String submitted = json.path("submitted_at").asText(null);
        return new OrderAck(Json.text(json, "client_order_id", target), Json.text(json, "id", target),
                json.path("side").asText(null), status, OrderAck.stateOf(status),
                Json.optionalDecimal(json, "filled_qty"), Json.optionalDecimal(json, "filled_avg_price"),
                submitted == null || submitted.isBlank() ? null : Instant.parse(submitted), null);
    }

    private void requireOk(HttpReply reply) {
        if (reply.status() == 429) {
            throw new ProviderUnavailableException(reply.target() + " rate limit reached (HTTP 429)");
        }
        if (!reply.ok()) {
            throw new ProviderDataException(reply.target() + " answered HTTP " + reply.status() + ": " + messageOf(reply));
        }
    }

    private String messageOf(HttpReply reply) {
        try {
            JsonNode json = mapper.readTree(reply.body());
            if (json != null && json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        } catch (Exception notJson) {
            // fall through to the raw body
        }
        return reply.body() == null ? "" : reply.body();
    }
}
