package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At most maxOrdersPerDay orders per agent per New York day. */
@Component
@Order(4)
class MaxOrdersPerDayRule implements RiskRule {

    @Override
    public Optional<String> violation(RiskCheck c) {
        if (c.ordersToday() >= c.agent().maxOrdersPerDay()) {
            return Optional.of("agent " + c.agent().agentId() + ": " + c.ordersToday() + " orders today reaches maxOrdersPerDay="
                    + c.agent().maxOrdersPerDay() + "; wait for tomorrow or raise maxOrdersPerDay");
        }
        return Optional.empty();
    }
}
