package io.ztrade.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderUnavailableException;
import io.ztrade.provider.Sleeper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Alpaca's trading API over HTTP; the simulator speaks the same API, so this one class serves paper, live
 * and the embedded default.
 *
 * <p>Never twice: before every POST the client order id is looked up, so a resend after a timeout (the broker may
 * have accepted the first POST) finds and reports the existing order instead of placing another; a 422 "client_order_id
 * must be unique" is answered the same way. After the order is known it is polled until it is filled, rejected,
 * canceled or expired, or until {@code ztrade.broker.fill-timeout}.
 */
@Component
public class AlpacaBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper mapper;
    private final BrokerProperties properties;
    private final Sleeper sleeper;

    public AlpacaBroker(AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper, BrokerProperties properties,
                        Sleeper sleeper) {
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.properties = properties;
        this.sleeper = sleeper;
    }

    @Override
    public OrderAck submit(OrderRequest order) {
        Optional<OrderAck> existing = findOrder(order);
        if (existing.isPresent()) {
            LOG.warn("order {} already exists at the broker ({}); reporting it, not sending it again",
                    order.clientOrderId(), existing.get().brokerStatus());
            return awaitFinal(existing.get());
        }
        HttpReply reply = alpaca.post(endpoints.alpacaTrading() + "/v2/orders", bodyOf(order).toString());
        if (reply.ok()) {
            return awaitFinal(ackOf(reply.json(mapper), reply.target()));
        }
        String message = messageOf(reply);
        if (reply.status() == 422 && message.contains("client_order_id must be unique")) {
            // the broker already has this order (an earlier attempt got through): report it, never place it again
            return awaitFinal(findOrder(order).orElseThrow(() -> new ProviderUnavailableException(
                    reply.target() + " says order " + order.clientOrderId() + " exists but does not return it yet")));
        }
        // 403 (buying power, blocked), 400 and other 4xx: the broker said no; retrying would not change its mind
        return new OrderAck(order.clientOrderId(), null, order.side().alpacaName(), "rejected", OrderAck.State.REJECTED,
                null, null, Instant.now(), "alpaca refused order " + order.clientOrderId() + " with HTTP " + reply.status()
                        + ": " + message);
    }

    ObjectNode bodyOf(OrderRequest order) {
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
        return body;
    }

    /**
     * Polls until the order is final or the fill timeout passes. A failed poll keeps the last answer: the order is
     * placed either way, and the record says what was last known.
     */
    OrderAck awaitFinal(OrderAck ack) {
        long polls = properties.fillTimeout().toMillis() / properties.fillPollInterval().toMillis();
        OrderAck last = ack;
        for (long i = 0; i < polls && !isFinal(last); i++) {
            try {
                sleeper.sleep(properties.fillPollInterval());
                Optional<OrderAck> now = findByClientOrderId(ack.clientOrderId());
                if (now.isPresent()) {
                    last = now.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            } catch (RuntimeException e) {
                LOG.warn("polling order {} failed ({}); recording its last known status {}", ack.clientOrderId(),
                        e.getMessage(), last.brokerStatus());
                return last;
            }
        }
        return last;
    }

    private static boolean isFinal(OrderAck ack) {
        return ack.state() != OrderAck.State.SUBMITTED;
    }

    @Override
    public Optional<OrderAck> findByClientOrderId(String clientOrderId) {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/orders:by_client_order_id?client_order_id="
                + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply);
        return Optional.of(ackOf(reply.json(mapper), reply.target()));
    }

    /**
     * An order under the request's id counts as the request's only when symbol, side and size (qty or notional) are
     * the request's: an id can collide (another tool, a reused agent id, a manual order), and a stranger's fill must
     * never be recorded as the run's.
     */
    @Override
    public Optional<OrderAck> findOrder(OrderRequest order) {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/orders:by_client_order_id?client_order_id="
                + URLEncoder.encode(order.clientOrderId(), StandardCharsets.UTF_8));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply);
        JsonNode json = reply.json(mapper);
        OrderAck ack = ackOf(json, reply.target());
        String symbol = json.path("symbol").asText("");
        String side = json.path("side").asText("");
        BigDecimal qty = Json.optionalDecimal(json, "qty");
        BigDecimal notional = Json.optionalDecimal(json, "notional");
        boolean sameSize = order.qty() != null ? qty != null && qty.compareTo(order.qty()) == 0
                : notional != null && notional.compareTo(order.notional()) == 0;
        if (!sameSymbol(symbol, order.symbol()) || !side.equalsIgnoreCase(order.side().alpacaName()) || !sameSize) {
            String theirs = side + " " + (qty != null ? qty.toPlainString() + " " + symbol
                    : notional != null ? "$" + notional.toPlainString() + " of " + symbol : "? " + symbol);
            throw new ClientOrderIdCollisionException(order, ack.brokerOrderId(), theirs);
        }
        return Optional.of(ack);
    }

    /** Alpaca names crypto pairs with a slash in orders (BTC/USD) and without one in positions (BTCUSD). */
    private static boolean sameSymbol(String a, String b) {
        return a.replace("/", "").equalsIgnoreCase(b.replace("/", ""));
    }

    @Override
    public Account account() {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/account");
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
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/positions/" + URLEncoder.encode(key, StandardCharsets.UTF_8));
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
        Instant submittedAt;
        try {
            submittedAt = submitted == null || submitted.isBlank() ? null : java.time.OffsetDateTime.parse(submitted).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProviderDataException(target + " sent submitted_at '" + submitted + "', not an RFC 3339 timestamp");
        }
        return new OrderAck(Json.text(json, "client_order_id", target), Json.text(json, "id", target),
                json.path("side").asText(null), status, OrderAck.stateOf(status),
                Json.optionalDecimal(json, "filled_qty"), Json.optionalDecimal(json, "filled_avg_price"),
                submittedAt, null);
    }

    private void requireOk(HttpReply reply) {
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
        return reply.body() == null ? "" : HttpReply.abbreviate(reply.body());
    }
}
