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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public class AlpacaBroker implements Broker, BrokerOrders {

    /** Alpaca's largest page of {@code GET /v2/orders}. */
    static final int ORDERS_PAGE = 500;
    /** A bound on the pages of one listing (250,000 orders), so a broker that keeps answering cannot loop us. */
    static final int MAX_PAGES = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper mapper;
    private final BrokerProperties properties;
    private final Sleeper sleeper;
    private final AlpacaAccountReads account;

    public AlpacaBroker(AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper, BrokerProperties properties,
                        Sleeper sleeper) {
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.properties = properties;
        this.sleeper = sleeper;
        this.account = new AlpacaAccountReads(alpaca, endpoints, mapper);
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
        Optional<BrokerOrder> found = orderByClientOrderId(order.clientOrderId());
        if (found.isPresent() && !found.get().matches(order)) {
            throw new ClientOrderIdCollisionException(order, found.get().id(), found.get().describe());
        }
        return found.map(BrokerOrder::ack);
    }

    @Override
    public Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/orders:by_client_order_id?client_order_id="
                + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply);
        return Optional.of(BrokerOrder.fromAlpaca(reply.json(mapper), reply.target()));
    }

    /**
     * Pages through {@code GET /v2/orders?status=all&direction=asc&limit=500&after=...}, moving {@code after} to the last
     * order seen. Alpaca's {@code after} is exclusive, so each page starts a microsecond before the last order seen
     * (two orders can share a timestamp) and orders already seen are dropped by id.
     */
    @Override
    public List<BrokerOrder> ordersSince(Instant after) {
        Map<String, BrokerOrder> seen = new LinkedHashMap<>();
        Instant from = after;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/orders?status=all&direction=asc&limit="
                    + ORDERS_PAGE + "&after=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
            requireOk(reply);
            JsonNode orders = reply.json(mapper);
            if (!orders.isArray()) {
                throw new ProviderDataException(reply.target() + " sent no JSON array of orders");
            }
            int added = 0;
            Instant last = from;
            for (JsonNode json : orders) {
                BrokerOrder order = BrokerOrder.fromAlpaca(json, reply.target());
                if (seen.putIfAbsent(order.id(), order) == null) {
                    added++;
                }
                if (order.submittedAt() != null && order.submittedAt().isAfter(last)) {
                    last = order.submittedAt();
                }
            }
            if (orders.size() < ORDERS_PAGE || added == 0 || !last.isAfter(from)) {
                return new ArrayList<>(seen.values());
            }
            from = last.minusNanos(1000);
        }
        throw new ProviderDataException("GET /v2/orders kept sending full pages after " + MAX_PAGES + " pages since " + after);
    }

    @Override
    public List<Position> positions() {
        return account.positions();
    }

    @Override
    public Account account() {
        return account.account();
    }

    @Override
    public Optional<Position> position(String symbol) {
        return account.position(symbol);
    }

    private OrderAck ackOf(JsonNode json, String target) {
        Json.text(json, "client_order_id", target);
        return BrokerOrder.fromAlpaca(json, target).ack();
    }

    private void requireOk(HttpReply reply) {
        AlpacaReplies.requireOk(reply, mapper);
    }

    private String messageOf(HttpReply reply) {
        return AlpacaReplies.messageOf(reply, mapper);
    }
}
