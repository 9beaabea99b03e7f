package io.ztrade.risk;

import io.ztrade.broker.Account;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Everything a rule may look at: the proposed order and the state of the account.
 *
 * @param orderValue  the order's value in dollars at the current price
 * @param ordersToday orders this agent already placed today (New York day)
 */
public record RiskCheck(RiskLimits agent, OrderSide side, BigDecimal qty, BigDecimal notional, BigDecimal orderValue,
                        double price, Account account, Optional<Position> position, int ordersToday) {

    public BigDecimal positionQty() {
        return position.map(Position::qty).orElse(BigDecimal.ZERO);
    }

    public BigDecimal positionValue() {
        return position.map(Position::marketValue).orElse(BigDecimal.ZERO);
    }
}
