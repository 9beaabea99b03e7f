package io.ztrade.broker;

import java.math.BigDecimal;

/**
 * A market order as Alpaca takes it: exactly one of {@code qty} and {@code notional}.
 *
 * @param timeInForce {@code day} for stocks; crypto accepts only {@code gtc} or {@code ioc}
 */
public record OrderRequest(String symbol, OrderSide side, BigDecimal qty, BigDecimal notional, String timeInForce,
                           String clientOrderId) {

    public OrderRequest {
        if ((qty == null) == (notional == null)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": give exactly one of qty and notional");
        }
    }
}
