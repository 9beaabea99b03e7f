package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A blocked account takes no orders. */
@Component
@Order(1)
class AccountStatusRule implements RiskRule {

    @Override
    public Optional<String> violation(RiskCheck c) {
        if (c.account().accountBlocked() || c.account().tradingBlocked()) {
            return Optional.of("agent " + c.agent().agentId() + ": the broker account is blocked for trading; resolve it with the broker");
        }
        return Optional.empty();
    }
}
