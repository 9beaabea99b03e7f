package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.util.List;

/**
 * Risk's answer, with the sized order it approved or the reasons it did not.
 *
 * @param qty      shares or coins to sell, or null when sized by notional
 * @param notional dollars to buy, or null when sized by qty
 */
public record RiskVerdict(Outcome outcome, List<String> reasons, OrderSide side, BigDecimal qty, BigDecimal notional) {

    public enum Outcome {
        APPROVED, REJECTED, KILL_SWITCH
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
