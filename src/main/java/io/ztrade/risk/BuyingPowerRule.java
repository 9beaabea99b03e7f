package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A buy needs the buying power to pay for it. */
@Component
@Order(6)
class BuyingPowerRule implements RiskRule {

    @Override
    public Optional<String> violation(RiskCheck c) {
        if (c.side() == OrderSide.BUY && c.orderValue().compareTo(c.account().buyingPower()) > 0) {
            return Optional.of("agent " + c.agent().agentId() + ": order value " + c.orderValue() + " exceeds buying power "
                    + c.account().buyingPower() + "; lower orderNotional or add funds");
        }
        return Optional.empty();
    }
}
