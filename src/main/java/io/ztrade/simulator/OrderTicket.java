package io.ztrade.simulator;

import java.math.BigDecimal;

/** What a client asks for; {@code limitPrice} only with type {@code limit}, {@code notional} only with market. */
public record OrderTicket(String clientOrderId, String symbol, String side, String type, String timeInForce,
                          BigDecimal qty, BigDecimal notional, BigDecimal limitPrice) {
}
