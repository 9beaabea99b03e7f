package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** No single order above the agent's maxOrderNotional. */
@Component
@Order(2)
class MaxOrderValueRule implements RiskRule {

    @Override
    public Optional<String> violation(RiskCheck c) {
        if (c.orderValue().compareTo(c.agent().maxOrderNotional()) > 0) {
            return Optional.of("agent " + c.agent().agentId() + ": order value " + c.orderValue() + " exceeds maxOrderNotional="
                    + c.agent().maxOrderNotional() + "; lower orderNotional or raise maxOrderNotional");
        }
        return Optional.empty();
    }
}
