package io.ztrade.portfolio;

import io.ztrade.broker.BrokerOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One read of the broker's books (Alpaca's {@code /v2/account}, {@code /v2/positions} and today's orders): what the
 * portfolio view, the equity snapshots and the gauges show. Money as the broker wrote it, in dollars.
 *
 * @param lastEquity the account's equity at the previous session's close ({@code last_equity}): today's P&L is
 *                   {@code equity - lastEquity}
 * @param orders     every order submitted since the New York day began, oldest first
 */
record BrokerReading(Instant readAt, BigDecimal equity, BigDecimal lastEquity, BigDecimal cash, BigDecimal buyingPower,
                     List<Holding> positions, List<BrokerOrder> orders) {

    /**
     * One open position as the broker values it.
     *
     * @param key            the broker's symbol (BTCUSD: Alpaca writes positions without the slash)
     * @param currentPrice   the broker's mark
     * @param lastdayPrice   the previous session's close, what today's P&L starts from
     * @param unrealizedPnl  {@code market_value - cost_basis}
     */
    record Holding(String key, BigDecimal qty, BigDecimal avgEntryPrice, BigDecimal marketValue, BigDecimal costBasis,
                   BigDecimal unrealizedPnl, BigDecimal currentPrice, BigDecimal lastdayPrice) {
    }
}
