package io.ztrade.reconcile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something the records do not explain, open until an operator acknowledges it.
 *
 * @param kind       {@code POSITION} (the broker's position differs from the records' fills), {@code COLLISION} (an
 *                   order under a run's id is another order), {@code MISSING_AT_BROKER} (a record names a broker order
 *                   the broker does not have), {@code DUPLICATE_RECORDS} (several records name one order)
 * @param recordsQty for a position: what the records (plus acknowledged differences) add up to
 */
public record ReconcileIssue(long id, String kind, String agentId, String symbol, String clientOrderId,
                             BigDecimal brokerQty, BigDecimal recordsQty, String detail, Instant foundAt,
                             Instant acknowledgedAt, String acknowledgedBy) {
}
