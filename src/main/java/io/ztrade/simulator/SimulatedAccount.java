package io.ztrade.simulator;

import io.ztrade.market.AssetClass;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSession;
import io.ztrade.market.NyseCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The simulator's paper account: cash, positions and every order. Market orders and marketable limit orders fill at
 * once at the simulated price; a limit order that is not marketable stays open ({@code new}) until the price crosses
 * its limit (it then fills at the limit), it is canceled, or, for {@code day}, the NYSE session closes. Open buy
 * orders hold buying power; buying power is cash (no margin). Kept in memory: a restart starts afresh. Open orders
 * are settled lazily, at every look at the account.
 */
@Component
@Conditional(SimulatorEnabled.class)
public class SimulatedAccount {

    private final SimulatedMarket market;
    private final MarketCalendar calendar;
    /** In submission order; guarded by this. */
    private final Map<String, SimulatedOrder> ordersById = new LinkedHashMap<>();
    private final Map<String, String> idsByClientId = new HashMap<>();
    private final Map<String, Holding> positions = new LinkedHashMap<>();
    private final Clock clock;
    private BigDecimal cash;
    private long sequence;

    @Autowired
    public SimulatedAccount(SimulatedMarket market, NyseCalendar calendar, SimulatorProperties properties) {
        this(market, calendar, properties.startingCash(), Clock.systemUTC());
    }

    SimulatedAccount(SimulatedMarket market, MarketCalendar calendar, BigDecimal cash, Clock clock) {
        this.market = market;
        this.calendar = calendar;
        this.cash = cash;
        this.clock = clock;
    }

    /** A market order, as the agents place them. */
    public SimulatedOrder submit(String clientOrderId, String symbol, String side, BigDecimal qty, BigDecimal notional,
                        String timeInForce) {
        return submit(new OrderTicket(clientOrderId, symbol, side, "market", timeInForce, qty, notional, null));
    }

    public synchronized SimulatedOrder submit(OrderTicket t) {
        Instant now = clock.instant();
        settle(now);
        if (idsByClientId.containsKey(t.clientOrderId())) {
            throw new OrderRefused(422, 40010001, "client_order_id must be unique");
        }
        boolean buy = "buy".equals(t.side());
        BigDecimal price = BigDecimal.valueOf(market.priceAt(t.symbol(), now));
        BigDecimal qty = t.qty() != null ? t.qty() : t.notional().divide(price, 9, RoundingMode.DOWN);
        boolean marketable = t.limitPrice() == null || (buy ? price.compareTo(t.limitPrice()) <= 0 : price.compareTo(t.limitPrice()) >= 0);
        String key = positionKey(t.symbol());
        if (buy) {
            BigDecimal needed = qty.multiply(marketable ? price : t.limitPrice()).setScale(2, RoundingMode.HALF_UP);
            if (needed.compareTo(buyingPower()) > 0) {
                throw new OrderRefused(403, 40310000, "insufficient buying power");
            }
        } else if (market.isCrypto(t.symbol()) && qty.compareTo(available(key)) > 0) {
            throw new OrderRefused(403, 40310000, "insufficient balance for " + key + " (requested: " + qty.toPlainString()
                    + ", available: " + available(key).toPlainString() + ")");
        }
        String assetClass = market.isCrypto(t.symbol()) ? "crypto" : "us_equity";
        SimulatedOrder order = new SimulatedOrder(UUID.randomUUID().toString(), t.clientOrderId(), t.symbol(), assetClass, t.side(), t.type(),
                t.timeInForce(), t.qty(), t.notional(), t.limitPrice(), "new", BigDecimal.ZERO, null, now, now, null,
                null, null, null, ++sequence);
        if (marketable) {
            order = fill(order, qty, price, now);
        } else if ("ioc".equals(t.timeInForce()) || "fok".equals(t.timeInForce())) {
            order = order.canceled(now);
        } else if (!"gtc".equals(t.timeInForce())) {
            order = order.expiringAt(nextEquityClose(now));
        }
        ordersById.put(order.id(), order);
        idsByClientId.put(order.clientOrderId(), order.id());
        return order;
    }

    public synchronized Optional<SimulatedOrder> order(String clientOrderId) {
        settle(clock.instant());
        return Optional.ofNullable(idsByClientId.get(clientOrderId)).map(ordersById::get);
    }

    public synchronized Optional<SimulatedOrder> orderById(String id) {
        settle(clock.instant());
        return Optional.ofNullable(ordersById.get(id));
    }

    /** The orders the query selects, in its direction, at most its limit. */
    public synchronized List<SimulatedOrder> orders(OrderQuery query) {
        settle(clock.instant());
        List<SimulatedOrder> selected = new ArrayList<>(ordersById.values().stream().filter(query::matches).toList());
        Comparator<SimulatedOrder> bySubmission = Comparator.comparing(SimulatedOrder::submittedAt).thenComparingLong(SimulatedOrder::sequence);
        selected.sort(query.ascending() ? bySubmission : bySubmission.reversed());
        return selected.subList(0, Math.min(query.limit(), selected.size()));
    }

    /**
     * Cancels an open order.
     *
     * @throws OrderRefused 404 when there is no such order, 422 when it is no longer open (as Alpaca answers)
     */
    public synchronized SimulatedOrder cancel(String id) {
        Instant now = clock.instant();
        settle(now);
        SimulatedOrder order = ordersById.get(id);
        if (order == null) {
            throw new OrderRefused(404, 40410000, "order not found for " + id);
        }
        if (!order.open()) {
            throw new OrderRefused(422, 42210000, "order is already in \"" + order.status() + "\" state");
        }
        SimulatedOrder canceled = order.canceled(now);
        ordersById.put(id, canceled);
        return canceled;
    }

    public synchronized Optional<Holding> position(String key) {
        settle(clock.instant());
        return Optional.ofNullable(positions.get(key));
    }

    public synchronized List<Holding> positions() {
        settle(clock.instant());
        return List.copyOf(positions.values());
    }

    public synchronized BigDecimal cash() {
        settle(clock.instant());
        return cash;
    }

    /** Cash less what open buy orders hold. */
    public synchronized BigDecimal buyingPower() {
        BigDecimal held = BigDecimal.ZERO;
        for (SimulatedOrder o : ordersById.values()) {
            if (o.open() && "buy".equals(o.side())) {
                held = held.add(o.qty().multiply(o.limitPrice()).setScale(2, RoundingMode.HALF_UP));
            }
        }
        return cash.subtract(held);
    }

    /** Cash plus the market value of every position. */
    public synchronized BigDecimal equity() {
        BigDecimal equity = cash();
        for (Holding h : positions.values()) {
            equity = equity.add(marketValue(h));
        }
        return equity;
    }

    /** What the position can still sell: its quantity less the open sell orders'. */
    public synchronized BigDecimal available(String key) {
        BigDecimal held = Optional.ofNullable(positions.get(key)).map(Holding::qty).orElse(BigDecimal.ZERO);
        for (SimulatedOrder o : ordersById.values()) {
            if (o.open() && "sell".equals(o.side()) && positionKey(o.symbol()).equals(key)) {
                held = held.subtract(o.qty());
            }
        }
        return held.max(BigDecimal.ZERO);
    }

    /** The symbols the account has traded, for looking up an asset by id. */
    public synchronized Collection<String> tradedSymbols() {
        return ordersById.values().stream().map(SimulatedOrder::symbol).distinct().toList();
    }

    public BigDecimal price(String symbol) {
        return BigDecimal.valueOf(market.priceAt(symbol, clock.instant()));
    }

    public BigDecimal marketValue(Holding h) {
        return h.qty().multiply(price(h.symbol())).setScale(2, RoundingMode.HALF_UP);
    }

    /** Alpaca keys positions without the slash: BTC/USD is BTCUSD. */
    static String positionKey(String symbol) {
        return symbol.replace("/", "");
    }

    /** Expires day orders past their close and fills open limit orders whose limit the price has reached. */
    private void settle(Instant now) {
        for (SimulatedOrder o : List.copyOf(ordersById.values())) {
            if (!o.open()) {
                continue;
            }
            if (o.expiresAt() != null && !now.isBefore(o.expiresAt())) {
                ordersById.put(o.id(), o.expired(o.expiresAt()));
                continue;
            }
            BigDecimal price = BigDecimal.valueOf(market.priceAt(o.symbol(), now));
            boolean crossed = "buy".equals(o.side()) ? price.compareTo(o.limitPrice()) <= 0 : price.compareTo(o.limitPrice()) >= 0;
            if (crossed) {
                ordersById.put(o.id(), fill(o, o.qty(), o.limitPrice(), now));
            }
        }
    }

    private SimulatedOrder fill(SimulatedOrder order, BigDecimal qty, BigDecimal price, Instant at) {
        BigDecimal cost = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
        boolean buy = "buy".equals(order.side());
        cash = buy ? cash.subtract(cost) : cash.add(cost);
        String key = positionKey(order.symbol());
        Holding after = Holding.after(positions.get(key), key, order.symbol(), buy ? qty : qty.negate(), price);
        if (after == null) {
            positions.remove(key);
        } else {
            positions.put(key, after);
        }
        return order.filled(qty, price, at);
    }

    /** The close of the NYSE session a day order placed now belongs to: today's if not yet closed, else the next. */
    private Instant nextEquityClose(Instant now) {
        LocalDate today = now.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        for (LocalDate day = today; day.isBefore(today.plusDays(15)); day = day.plusDays(1)) {
            MarketSession session = calendar.session(AssetClass.US_EQUITY, day);
            Instant close = day.atTime(session.closeTime() == null ? java.time.LocalTime.MIDNIGHT : session.closeTime())
                    .atZone(MarketCalendar.NEW_YORK).toInstant();
            if (session.open() && close.isAfter(now)) {
                return close;
            }
        }
        return now;
    }
}
