package io.ztrade.reconcile;

import io.ztrade.broker.BrokerOrder;
import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/** The order part of one {@code agent_runs} row: what reconciliation compares with the broker. */
record RecordRow(String runId, String agentId, String symbol, String status, String side, BigDecimal qty,
                 BigDecimal notional, String clientOrderId, String brokerOrderId, String orderStatus, BigDecimal fillQty,
                 Instant reconciledAt) {

    /** The broker's final answer is in the record. */
    boolean orderFinal() {
        return "FILLED".equals(status) || "REJECTED_BY_BROKER".equals(status);
    }

    /** Whether the broker's order is the one this record sized (same symbol, side and size). */
    boolean sameOrderAs(BrokerOrder order) {
        if (side == null || qty == null && notional == null) {
            // a record without its sizing (cut before risk was recorded): the id alone has to do
            return true;
        }
        return order.matches(symbol, OrderSide.valueOf(side), qty, notional);
    }

    /** Whether the record already says what the broker says about the order. */
    boolean agreesWith(BrokerOrder order) {
        return order.id().equals(brokerOrderId) && order.status().equals(orderStatus)
                && Records.statusOf(order).name().equals(status) && sameNumber(order.filledQty(), fillQty);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null || b.signum() == 0 : b == null ? a.signum() == 0 : a.compareTo(b) == 0;
    }
}
