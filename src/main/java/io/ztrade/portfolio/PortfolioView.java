package io.ztrade.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the desk holds and made, from the broker's books (positions, account, orders) and the records' fills (realized
 * P&L, which the broker does not report): {@code GET /api/portfolio}. Money in dollars as decimals, quantities as the
 * broker writes them.
 *
 * @param broker  whether this read is fresh, or the last good one while the broker is unreachable (null figures when
 *                there never was one)
 * @param others  positions no agent trades (someone else's: listed, never touched)
 */
public record PortfolioView(Instant at, BrokerState broker, Desk desk, List<AgentPosition> agents, List<Holding> others,
                            List<OrderView> openOrders, List<OrderView> fillsToday) {

    /**
     * @param readAt           when the figures shown were read from the broker
     * @param unreachableSince the first failed read since the last good one; null while reachable
     * @param error            why the last read failed (secrets masked)
     */
    public record BrokerState(boolean reachable, Instant readAt, Instant unreachableSince, String error) {
    }

    /**
     * @param todayPnl      {@code equity - lastEquity}: the account's change since the previous session's close
     * @param unrealizedPnl the open positions' {@code market_value - cost_basis}, summed
     * @param realizedPnl   every agent's closed trades (average cost), from the records' fills
     */
    public record Desk(BigDecimal equity, BigDecimal lastEquity, BigDecimal todayPnl, BigDecimal cash,
                       BigDecimal buyingPower, BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl,
                       int openOrders, int fillsToday) {
    }

    /**
     * One agent: the broker's position in its symbol, its own realized P&L and today's.
     *
     * @param qty              the broker's position (0 when flat)
     * @param recordedQty      the net of the agent's recorded fills; differs from {@code qty} when reconciliation has
     *                         an open position issue, or when agents share the symbol
     * @param sharesSymbolWith other agents trading the same symbol: the broker's figures are their total
     * @param todayPnl         realized today plus the change of the open position's value since the day began
     * @param ordersToday      orders counted against {@code maxOrdersPerDay} (the New York day)
     */
    public record AgentPosition(String agentId, String symbol, BigDecimal qty, BigDecimal recordedQty,
                                BigDecimal avgEntryPrice, BigDecimal currentPrice, BigDecimal marketValue,
                                BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal todayPnl, int ordersToday,
                                int maxOrdersPerDay, int openOrders, int fillsToday, List<String> sharesSymbolWith) {
    }

    /** A position of the broker's as it values it; symbol as the broker keys positions (BTCUSD). */
    public record Holding(String symbol, BigDecimal qty, BigDecimal avgEntryPrice, BigDecimal currentPrice,
                          BigDecimal marketValue, BigDecimal unrealizedPnl) {
    }

    /** One order of today at the broker; {@code agentId} null for an order placed by someone else. */
    public record OrderView(String agentId, String clientOrderId, String symbol, String side, BigDecimal qty,
                            BigDecimal notional, String status, BigDecimal filledQty, BigDecimal filledAvgPrice,
                            Instant submittedAt) {
    }
}
