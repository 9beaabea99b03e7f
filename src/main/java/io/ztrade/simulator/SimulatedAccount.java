package io.ztrade.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The simulator's paper account: cash, positions and every order by client order id. Market orders fill at
 * once at the simulated price; buying power is cash (no margin). Kept in memory: a restart starts afresh.
 */
@Component
@Conditional(SimulatorEnabled.class)
public class SimulatedAccount {

    private final SimulatedMarket market;
    private final Map<String, Order> ordersByClientId = new ConcurrentHashMap<>();
    private final Map<String, Holding> positions = new ConcurrentHashMap<>();
    private BigDecimal cash;

    public SimulatedAccount(SimulatedMarket market, @Value("${ztrade.simulator.starting-cash:100000}") BigDecimal cash) {
        this.market = market;
        this.cash = cash;
    }

    public record Order(String id, String clientOrderId, String symbol, String side, BigDecimal qty, BigDecimal notional,
                        String timeInForce, String status, BigDecimal filledQty, BigDecimal filledAvgPrice,
                        Instant submittedAt) {
    }

    /** @param key the symbol without its slash, as Alpaca keys positions */
    public record Holding(String key, String symbol, BigDecimal qty, BigDecimal avgEntryPrice) {
    }

    /** Thrown with Alpaca's status and message. */
    public static final class Refused extends RuntimeException {
        final int status;
        final int code;

        Refused(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    public synchronized Order submit(String clientOrderId, String symbol, String side, BigDecimal qty, BigDecimal notional,
                                     String timeInForce) {
        if (ordersByClientId.containsKey(clientOrderId)) {
            throw new Refused(422, 40010001, "client_order_id must be unique");
        }
        double price = market.priceAt(symbol, Instant.now());
        BigDecimal fillPrice = BigDecimal.valueOf(price);
        BigDecimal fillQty = qty != null ? qty : notional.divide(fillPrice, 9, RoundingMode.DOWN);
        BigDecimal cost = fillQty.multiply(fillPrice).setScale(2, RoundingMode.HALF_UP);
        String key = positionKey(symbol);
        BigDecimal held = Optional.ofNullable(positions.get(key)).map(Holding::qty).orElse(BigDecimal.ZERO);
        if ("buy".equals(side)) {
            if (cost.compareTo(cash) > 0) {
                throw new Refused(403, 40310000, "insufficient buying power");
            }
            cash = cash.subtract(cost);
            BigDecimal newQty = held.add(fillQty);
            BigDecimal oldCost = Optional.ofNullable(positions.get(key))
                    .map(h -> h.qty().multiply(h.avgEntryPrice())).orElse(BigDecimal.ZERO);
            positions.put(key, new Holding(key, symbol, newQty, newQty.signum() == 0 ? fillPrice
                    : oldCost.add(cost).divide(newQty, 6, RoundingMode.HALF_UP)));
        } else {
            if (market.isCrypto(symbol) && fillQty.compareTo(held) > 0) {
                throw new Refused(403, 40310000, "insufficient balance for " + key + " (requested: " + fillQty
                        + ", available: " + held + ")");
            }
            cash = cash.add(cost);
            BigDecimal newQty = held.subtract(fillQty);
            if (newQty.signum() == 0) {
                positions.remove(key);
            } else {
                positions.put(key, new Holding(key, symbol, newQty, positions.containsKey(key)
                        ? positions.get(key).avgEntryPrice() : fillPrice));
            }
        }
        Order order = new Order(UUID.randomUUID().toString(), clientOrderId, symbol, side, qty, notional, timeInForce,
                "filled", fillQty, fillPrice, Instant.now());
        ordersByClientId.put(clientOrderId, order);
        return order;
    }

    public Optional<Order> order(String clientOrderId) {
        return Optional.ofNullable(ordersByClientId.get(clientOrderId));
    }

    public Optional<Holding> position(String key) {
        return Optional.ofNullable(positions.get(key));
    }

    public synchronized BigDecimal cash() {
        return cash;
    }

    /** Cash plus the market value of every position. */
    public synchronized BigDecimal equity() {
        BigDecimal equity = cash;
        for (Holding h : positions.values()) {
            equity = equity.add(marketValue(h));
        }
        return equity;
    }

    public BigDecimal marketValue(Holding h) {
        return h.qty().multiply(BigDecimal.valueOf(market.priceAt(h.symbol(), Instant.now()))).setScale(2, RoundingMode.HALF_UP);
    }

    /** Alpaca keys positions without the slash: BTC/USD is BTCUSD. */
    static String positionKey(String symbol) {
        return symbol.replace("/", "");
    }
}
