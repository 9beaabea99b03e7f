package io.ztrade.risk.protection;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recorded fill of one agent's order.
 *
 * @param at    the run's fire time (a backtest's simulated time), which is the day the fill counts in
 * @param qty   units filled (shares, or fractional coins), positive
 * @param price average fill price in dollars
 */
public record Fill(Instant at, String agentId, String symbol, OrderSide side, BigDecimal qty, BigDecimal price) {

    public Fill {
        if (qty.signum() <= 0 || price.signum() <= 0) {
            throw new IllegalArgumentException("a fill needs a positive qty and price, got " + qty + " @ " + price);
        }
    }
}
