package io.ztrade.backtest;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStatus;
import io.ztrade.broker.OrderAck;
import io.ztrade.market.MarketCalendar;
import io.ztrade.records.PerformanceStore;
import io.ztrade.records.RunRecord;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.protection.Fill;
import io.ztrade.risk.protection.HeldScopes;
import io.ztrade.risk.protection.PnlCurve;
import io.ztrade.risk.protection.TradeHistory;
import io.ztrade.risk.protection.Trip;
import io.ztrade.risk.protection.TripListener;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The replay's {@link PerformanceStore} and {@link TradeHistory}: the backtest's own runs, in memory, so risk's
 * orders-per-day rule and the protections count the replayed orders and fills, never the live ones; and the
 * {@link TripListener} that keeps the backtest's protection trips (a backtest never holds the live desk). The backtest adds each run as it finishes, on the run's thread.
 * A backtest keeps only each order's time and the count of each status (a few bytes a run, not the run with its
 * snapshot and signals), so that its heap grows with its bars, not with its runs x their size.
 */
public final class ReplayRecords implements PerformanceStore, TradeHistory, TripListener, HeldScopes {

    private final boolean keepRuns;
    // guarded by this: a backtest adds and reads them on its one thread, so the lock is never contended; plain lists
    // (a copy-on-write one copied all the orders and fills so far on each add, quadratic over a year)
    private final List<AgentRun> runs = new ArrayList<>();
    private final List<Instant> orders = new ArrayList<>();
    private final Map<RunStatus, Integer> statuses = new EnumMap<>(RunStatus.class);
    private final AtomicInteger count = new AtomicInteger();
    private final List<Fill> fills = new ArrayList<>();
    /** The fills' P&L curve, grown only when a protection asks for it (most agents have none): fills[0, curved). */
    private final PnlCurve.Builder curve = new PnlCurve.Builder();
    private int curved;
    private final PriceTape prices = new PriceTape();
    private final List<Trip> trips = new CopyOnWriteArrayList<>();
    /** Holds by scope (an agent or the desk): the trip, and the start of the New York day that lifts it. */
    private final Map<String, Map.Entry<Trip, Instant>> holds = new java.util.concurrent.ConcurrentHashMap<>();

    /** Keeps every run (a single replay's tests and benchmarks compare them). */
    public ReplayRecords() {
        this(true);
    }

    public ReplayRecords(boolean keepRuns) {
        this.keepRuns = keepRuns;
    }

    public synchronized void add(AgentRun run) {
        if (keepRuns) {
            runs.add(run);
        }
        if (run.order() != null) {
            orders.add(run.scheduledAt());
            OrderAck o = run.order();
            if (o.filledQty() != null && o.filledQty().signum() > 0 && o.filledAvgPrice() != null && run.risk() != null) {
                fills.add(new Fill(run.scheduledAt(), run.agentId(), run.agent().symbol(), run.risk().side(), o.filledQty(),
                        o.filledAvgPrice()));
            }
        }
        if (run.market() != null) {
            prices.add(run.scheduledAt(), run.market().price());
        }
        statuses.merge(run.status(), 1, Integer::sum);
        count.incrementAndGet();
    }

    /** Every run, if kept; else empty. */
    public synchronized List<AgentRun> runs() {
        return List.copyOf(runs);
    }

    public synchronized Map<RunStatus, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    public int count() {
        return count.get();
    }

    /** The protections that tripped in this backtest, in order. */
    public List<Trip> trips() {
        return List.copyOf(trips);
    }

    /**
     * Keeps the trip; a drawdown or daily loss trip holds the agent (or the desk) in this backtest until the next New
     * York day begins, as if an operator lifted the hold the next morning.
     */
    @Override
    public void tripped(Trip trip) {
        trips.add(trip);
        if (trip.holds()) {
            Instant nextDay = trip.at().atZone(MarketCalendar.NEW_YORK).toLocalDate().plusDays(1)
                    .atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
            holds.put(trip.scope(), Map.entry(trip, nextDay));
        }
    }

    @Override
    public Optional<String> heldAt(String agentId, Instant at) {
        for (String scope : List.of(TradingHolds.DESK, agentId)) {
            Map.Entry<Trip, Instant> hold = holds.get(scope);
            if (hold != null && at.isBefore(hold.getValue())) {
                return Optional.of((scope.equals(TradingHolds.DESK) ? "the desk" : "agent " + agentId) + " is held by protection "
                        + hold.getKey().protection() + " since " + hold.getKey().at() + "; a backtest lifts a hold when the next"
                        + " New York day begins (" + hold.getValue() + ")");
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<Fill> fills(String agentId) {
        return List.copyOf(fills);
    }

    /** The backtest's one agent's curve, grown fill by fill as the runs finish. */
    @Override
    public synchronized PnlCurve curve(String agentId, Instant until, Supplier<List<Fill>> ignored) {
        for (; curved < fills.size(); curved++) {
            curve.add(fills.get(curved));
        }
        return curve.upTo(until);
    }

    @Override
    public Optional<BigDecimal> lastPrice(String agentId, Instant before) {
        return prices.lastBefore(before);
    }

    @Override
    public Optional<PriceRange> priceRange(String agentId, Instant after, Instant before) {
        return prices.range(after, before);
    }

    @Override
    public List<RunRecord> latest(String agentId, int limit) {
        return List.of();
    }

    @Override
    public List<RunRecord> startedBy(String agentId, Instant at, int limit) {
        return List.of();
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return Optional.empty();
    }

    @Override
    public synchronized int ordersSince(String agentId, Instant since) {
        int n = 0;
        for (int i = orders.size() - 1; i >= 0 && !orders.get(i).isBefore(since); i--) {
            n++;
        }
        return n;
    }
}
