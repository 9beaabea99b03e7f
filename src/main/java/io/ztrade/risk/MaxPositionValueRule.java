package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A buy may not take the position above the agent's maxPositionValue. */
@Component
@Order(3)
class MaxPositionValueRule implements RiskRule {

    @Override
    public Optional<String> violation(RiskCheck c) {
        if (c.side() != OrderSide.BUY) {
            return Optional.empty();
        }
        BigDecimal after = c.positionValue().add(c.orderValue());
        if (after.compareTo(c.agent().maxPositionValue()) > 0) {
            return Optional.of("agent " + c.agent().agentId() + ": position value after the buy " + after
                    + " exceeds maxPositionValue=" + c.agent().maxPositionValue() + "; raise maxPositionValue or sell first");
        }
        return Optional.empty();
    }
}
