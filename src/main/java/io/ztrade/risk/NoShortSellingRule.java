package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A sell may only reduce a long position, unless the agent allows shorts (crypto never). */
@Component
@Order(5)
class NoShortSellingRule implements RiskRule {

    @Override
    public Optional<String> violation(RiskCheck c) {
        if (c.side() != OrderSide.SELL) {
            return Optional.empty();
        }
        boolean shortAllowed = c.agent().allowShort() && c.agent().assetClass() != io.ztrade.market.AssetClass.CRYPTO;
        if (!shortAllowed && c.qty().compareTo(c.positionQty()) > 0) {
            return Optional.of("agent " + c.agent().agentId() + ": selling " + c.qty() + " " + c.agent().symbol()
                    + " with a position of " + c.positionQty() + " would go short; short selling is off (allowShort=false)");
        }
        return Optional.empty();
    }
}
