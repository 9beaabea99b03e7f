package io.ztrade.broker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The broker's own account of orders and positions, read by reconciliation (never places or cancels anything). */
public interface BrokerOrders {

    /** The order under this client order id, whoever placed it; empty when the broker has none. */
    Optional<BrokerOrder> orderByClientOrderId(String clientOrderId);

    /**
     * Every order (any status) submitted after {@code after}, oldest first, all pages
     * ({@code GET /v2/orders?status=all&after=...&direction=asc}).
     */
    List<BrokerOrder> ordersSince(Instant after);

    /** Every open position ({@code GET /v2/positions}); symbols as the broker writes them (BTCUSD). */
    List<Position> positions();
}
