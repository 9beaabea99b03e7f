package io.ztrade.backtest;

import io.ztrade.broker.Account;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replay's {@link Broker}: fills every market order at once, in memory, at the simulated time's price moved
 * by the {@link FillModel}; one symbol, cash only (a buy larger than the cash is rejected, as the broker would).
 * It calls nothing outside the JVM: a backtest can never place a real order.
 */
public final class PaperBroker implements Broker {

    /** One fill. {@code price} is the price the run saw, {@code fillPrice} what the order got. */
    public record Fill(Instant at, String clientOrderId, OrderSide side, double qty, double price, double fillPrice,
                       double fee) {

        public double value() {
            return qty * fillPrice;
        }

        public double slippageCost() {
            return qty * Math.abs(fillPrice - price);
        }
    }

    private final String symbol;
    private final MarketHistory history;
    private final ReplayClock clock;
    private final FillModel fills;
    private final Map<String, OrderAck> orders = new LinkedHashMap<>();
    private final List<Fill> fillList = new ArrayList<>();
    private double cash;
    private double qty;
    private double cost;

    public PaperBroker(String symbol, double startingCash, MarketHistory history, ReplayClock clock, FillModel fills) {
        this.symbol = symbol;
        this.cash = startingCash;
        this.history = history;
        this.clock = clock;
        this.fills = fills;
    }

    @Override
    public synchronized OrderAck submit(OrderRequest order) {
        OrderAck existing = orders.get(order.clientOrderId());
        if (existing != null) {
            return existing;
        }
        Instant at = clock.now();
        double price = history.priceAt(at);
        boolean buy = order.side() == OrderSide.BUY;
        double fillPrice = fills.fillPrice(buy, price);
        double fillQty = order.qty() != null ? order.qty().doubleValue() : order.notional().doubleValue() / fillPrice;
        double value = fillQty * fillPrice;
        double fee = fills.commission(value);
        OrderAck ack;
        if (!(fillQty > 0) || !Double.isFinite(fillQty) || !Double.isFinite(value)) {
            // a price so small (a bars file's 5e-324) that the notional buys infinitely many: no broker fills that
            ack = new OrderAck(order.clientOrderId(), "paper-" + orders.size(), order.side().name().toLowerCase(), "rejected",
                    OrderAck.State.REJECTED, null, null, at, "no finite quantity at price " + price);
        } else if (buy && value + fee > cash + 1e-9) {
            ack = new OrderAck(order.clientOrderId(), "paper-" + orders.size(), order.side().name().toLowerCase(), "rejected",
                    OrderAck.State.REJECTED, null, null, at, String.format("insufficient cash %.2f for %.2f", cash, value + fee));
        } else {
            apply(buy, fillQty, fillPrice, fee);
            fillList.add(new Fill(at, order.clientOrderId(), order.side(), fillQty, price, fillPrice, fee));
            ack = new OrderAck(order.clientOrderId(), "paper-" + orders.size(), order.side().name().toLowerCase(), "filled",
                    OrderAck.State.FILLED, BigDecimal.valueOf(fillQty).setScale(6, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(fillPrice).setScale(4, RoundingMode.HALF_UP), at, null);
        }
        orders.put(order.clientOrderId(), ack);
        return ack;
    }

    private void apply(boolean buy, double fillQty, double fillPrice, double fee) {
        if (buy) {
            cash -= fillQty * fillPrice + fee;
            cost += fillQty * fillPrice;
            qty += fillQty;
        } else {
            cash += fillQty * fillPrice - fee;
            cost = qty <= 0 ? cost - fillQty * fillPrice : cost * (qty - fillQty) / qty;
            qty -= fillQty;
        }
        if (Math.abs(qty) < 1e-9) {
            qty = 0;
            cost = 0;
        }
    }

    @Override
    public synchronized Optional<OrderAck> findByClientOrderId(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    /** The paper account holds only this replay's orders, one per fire time: an order found is the run's own. */
    @Override
    public synchronized Optional<OrderAck> findOrder(OrderRequest order) {
        return findByClientOrderId(order.clientOrderId());
    }

    @Override
    public synchronized Account account() {
        BigDecimal cashNow = money(cash);
        return new Account(cashNow, money(equity()), cashNow.max(BigDecimal.ZERO), false, false);
    }

    @Override
    public synchronized Optional<Position> position(String asked) {
        if (qty == 0 || !symbol.equals(asked)) {
            return Optional.empty();
        }
        double price = history.priceAt(clock.now());
        return Optional.of(new Position(symbol, BigDecimal.valueOf(qty).setScale(6, RoundingMode.HALF_UP),
                money(qty * price), BigDecimal.valueOf(cost / qty).setScale(4, RoundingMode.HALF_UP)));
    }

    /** Cash plus the position at the simulated time's price. */
    public synchronized double equity() {
        double price = history.priceAt(clock.now());
        return cash + (qty == 0 ? 0 : qty * price);
    }

    public synchronized double cash() {
        return cash;
    }

    public synchronized double qty() {
        return qty;
    }

    public synchronized List<Fill> fills() {
        return List.copyOf(fillList);
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
