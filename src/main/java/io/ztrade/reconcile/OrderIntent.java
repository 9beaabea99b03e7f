package io.ztrade.reconcile;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code order_intents}: what a run was about to send, and whether reconciliation has settled it. */
record OrderIntent(String clientOrderId, String runId, String agentId, String symbol, String assetClass,
                   String trigger, OrderSide side, BigDecimal qty, BigDecimal notional, String timeInForce,
                   Instant scheduledAt, Instant createdAt, Instant resolvedAt, String resolution) {

    /** "buy $1000 of TSLA" or "sell 4.2 TSLA". */
    String describe() {
        return side.alpacaName() + " " + (qty != null ? qty.toPlainString() + " " + symbol
                : "$" + notional.toPlainString() + " of " + symbol);
    }
}
