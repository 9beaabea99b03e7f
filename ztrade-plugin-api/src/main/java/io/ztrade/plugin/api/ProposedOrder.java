package io.ztrade.plugin.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order a run's decision asks for, before it is sent.
 *
 * @param agentId  the agent's id
 * @param side     {@link Action#BUY} or {@link Action#SELL}
 * @param notional dollars (the agent's {@code orderNotional})
 * @param price    the run's price, dollars
 * @param at       the run's time (in a backtest, the replayed fire time)
 * @param decision why the run wants it
 */
public record ProposedOrder(String agentId, String symbol, Action side, BigDecimal notional, double price, Instant at,
                            Decision decision) {
}
