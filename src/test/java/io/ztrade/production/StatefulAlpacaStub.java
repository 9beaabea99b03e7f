package io.ztrade.production;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Alpaca's trading API with memory, as a WireMock extension of {@link AlpacaStub}: the orders it accepted
 * ({@code POST /v2/orders}, 422 on a reused client order id), looked up by client order id, by id and as a list
 * ({@code status}, {@code after}, {@code until}, {@code limit}, {@code direction}, {@code symbols}, {@code side}), and
 * {@code /v2/positions} computed from its fills. Market orders fill at once at AlpacaStub's quote (buy at the ask).
 * One {@link Hold} at a time can be armed: the stub then stops the first request that reaches that point until
 * {@link #release()}, so a test can kill the node exactly there; it can be armed again after the release.
 */
final class StatefulAlpacaStub implements ResponseDefinitionTransformerV2 {

    static final String NAME = "stateful-alpaca";
    /** AlpacaStub's BTC/USD quote. */
    static final BigDecimal ASK = new BigDecimal("65010");
    static final BigDecimal BID = new BigDecimal("64990");

    /** Where the first order on its way is stopped. */
    enum Hold {
        NONE,
        /** The look-up by client order id before the POST (or the POST itself): the order never reaches the broker. */
        LOOKUP_BEFORE_POST,
        /** The POST: the order is accepted and filled, its answer held. */
        POST_ANSWER,
        /** The POST: the order is filled and answered at once, after the hook ran (e.g. the database frozen). */
        ANSWER_HOOK,
        /** The first look-up after the POST, which answered "accepted": the order fills only on release. */
        FILL_POLL
    }

    /** One order as the broker keeps it; filledQty and filledAvgPrice are null until it fills. */
    record Order(String id, String clientOrderId, String symbol, String side, BigDecimal qty, BigDecimal notional,
                 String timeInForce, Instant submittedAt, String status, BigDecimal filledQty, BigDecimal filledAvgPrice,
                 Instant filledAt) {

        Order filled() {
            BigDecimal price = "buy".equals(side) ? ASK : BID;
            BigDecimal size = qty != null ? qty : notional.divide(price, 9, RoundingMode.DOWN);
            return new Order(id, clientOrderId, symbol, side, qty, notional, timeInForce, submittedAt, "filled", size,
                    price, Instant.now());
        }

        boolean open() {
            return !List.of("filled", "canceled", "expired", "rejected", "done_for_day").contains(status);
        }

        /** Signed: a buy adds to the position, a sell takes from it. */
        BigDecimal signedFill() {
            return filledQty == null ? BigDecimal.ZERO : "sell".equals(side) ? filledQty.negate() : filledQty;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    /** By client order id, in the order accepted; guarded by this. */
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<String> posted = new ArrayList<>();
    private volatile Hold hold = Hold.NONE;
    private volatile Runnable answerHook = () -> { };
    private final AtomicBoolean armed = new AtomicBoolean();
    /** This arming's: a request reached the hold; the test released it. */
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile String heldClientOrderId;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Routes the trading API's orders and positions of the given AlpacaStub (made with this extension) here. */
    void install(WireMockServer server) {
        server.stubFor(any(urlPathMatching("/v2/(orders|positions).*")).atPriority(1)
                .willReturn(new ResponseDefinitionBuilder().withTransformers(NAME)));
    }

    /** Arms one hold for the next order; the hook runs at {@link Hold#ANSWER_HOOK}. */
    void hold(Hold point, Runnable hook) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        heldClientOrderId = null;
        hold = point;
        answerHook = hook;
        armed.set(point != Hold.NONE);
    }

    /** Waits until a request reached the armed hold; false if none did in time. */
    boolean awaitHold(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The client order id of the order that reached the hold. */
    String heldClientOrderId() {
        return heldClientOrderId;
    }

    /** Lets held requests go and fills every open order: from now on the stub answers as a broker normally does. */
    void release() {
        hold = Hold.NONE;
        armed.set(false);
        synchronized (this) {
            orders.replaceAll((id, order) -> order.open() ? order.filled() : order);
        }
        released.countDown();
    }

    synchronized List<Order> orders() {
        return List.copyOf(orders.values());
    }

    synchronized Map<String, Long> postsPerClientOrderId() {
        return posted.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new,
                Collectors.counting()));
    }

    /** The position in one symbol (BTC/USD and BTCUSD alike) from the fills. */
    synchronized BigDecimal position(String symbol) {
        return orders.values().stream().filter(order -> key(order.symbol()).equals(key(symbol)))
                .map(Order::signedFill).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        String method = request.getMethod().getName();
        try {
            if (method.equals("POST") && path.equals("/v2/orders")) {
                return submit(request.getBodyAsString());
            }
            if (method.equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
                return lookUp(StatefulAlpacaJson.required(request, "client_order_id"), null);
            }
            if (method.equals("GET") && path.equals("/v2/orders")) {
                return json(200, StatefulAlpacaJson.list(mapper, orders(), request));
            }
            if (method.equals("GET") && path.startsWith("/v2/orders/")) {
                return lookUp(null, path.substring("/v2/orders/".length()));
            }
            if (method.equals("GET") && path.equals("/v2/positions")) {
                return json(200, positions(null));
            }
            if (method.equals("GET") && path.startsWith("/v2/positions/")) {
                ArrayNode one = positions(URLDecoder.decode(path.substring("/v2/positions/".length()),
                        StandardCharsets.UTF_8));
                return one.isEmpty() ? error(404, 40410000, "position does not exist") : json(200, one.get(0));
            }
            return error(404, 40410000, "the stub has no " + method + " " + path);
        } catch (IllegalArgumentException bad) {
            return error(422, 40010001, bad.getMessage());
        }
    }

    private ResponseDefinition submit(String body) {
        JsonNode json = readJson(body);
        String clientOrderId = json.path("client_order_id").asText(UUID.randomUUID().toString());
        synchronized (this) {
            posted.add(clientOrderId);
        }
        if (json.hasNonNull("qty") == json.hasNonNull("notional")) {
            return error(400, 40010001, "exactly one of qty or notional is required");
        }
        if (!List.of("buy", "sell").contains(json.path("side").asText()) || json.path("symbol").asText().isBlank()) {
            return error(422, 40010001, "symbol and side (buy or sell) are required");
        }
        if (hold == Hold.LOOKUP_BEFORE_POST && armed.compareAndSet(true, false)) {
            holdHere(clientOrderId);
            return error(503, 50010000, "the stub held this order and never accepted it");
        }
        Order order;
        synchronized (this) {
            if (orders.containsKey(clientOrderId)) {
                return error(422, 40010001, "client_order_id must be unique");
            }
            boolean fillNow = hold != Hold.FILL_POLL || !armed.get();
            order = new Order(UUID.randomUUID().toString(), clientOrderId, json.path("symbol").asText(),
                    json.path("side").asText(), decimal(json, "qty"), decimal(json, "notional"),
                    json.path("time_in_force").asText("day"), Instant.now(), "accepted", null, null, null);
            order = fillNow ? order.filled() : order;
            orders.put(clientOrderId, order);
        }
        if (hold == Hold.POST_ANSWER && armed.compareAndSet(true, false)) {
            holdHere(clientOrderId);
        } else if (hold == Hold.ANSWER_HOOK && armed.compareAndSet(true, false)) {
            answerHook.run();
            heldClientOrderId = clientOrderId;
            reached.countDown();
        }
        return json(200, orderJson(order));
    }

    /** Every open position, or only the one in the given symbol. */
    private synchronized ArrayNode positions(String symbol) {
        return StatefulAlpacaJson.positions(mapper, orders.values(), symbol);
    }

    private ObjectNode orderJson(Order order) {
        return StatefulAlpacaJson.order(mapper, order);
    }

    private static String key(String symbol) {
        return StatefulAlpacaJson.key(symbol);
    }

    private ResponseDefinition lookUp(String clientOrderId, String id) {
        Order order = find(clientOrderId, id);
        if (order == null && clientOrderId != null && hold == Hold.LOOKUP_BEFORE_POST
                && armed.compareAndSet(true, false)) {
            holdHere(clientOrderId);
        }
        if (order != null && order.open() && hold == Hold.FILL_POLL && armed.compareAndSet(true, false)) {
            holdHere(order.clientOrderId());
            order = find(order.clientOrderId(), null);
        }
        return order == null ? error(404, 40410000, "order not found") : json(200, orderJson(order));
    }

    private synchronized Order find(String clientOrderId, String id) {
        if (clientOrderId != null) {
            return orders.get(clientOrderId);
        }
        return orders.values().stream().filter(order -> order.id().equals(id)).findFirst().orElse(null);
    }

    /** Blocks this request (a WireMock thread) until the test released it; the node is dead by then. */
    private void holdHere(String clientOrderId) {
        CountDownLatch release = released;
        heldClientOrderId = clientOrderId;
        reached.countDown();
        try {
            release.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode readJson(String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        return json.hasNonNull(field) ? new BigDecimal(json.get(field).asText()) : null;
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }

    private ResponseDefinition error(int status, int code, String message) {
        return json(status, mapper.createObjectNode().put("code", code).put("message", message));
    }
}
