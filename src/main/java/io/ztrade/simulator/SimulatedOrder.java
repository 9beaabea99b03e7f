package io.ztrade.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as Alpaca reports it; {@code expiresAt} (a day order's session close) and {@code sequence} (ties in
 * submission time) are the simulator's own.
 */
public record SimulatedOrder(String id, String clientOrderId, String symbol, String assetClass, String side, String type,
                             String timeInForce, BigDecimal qty, BigDecimal notional, BigDecimal limitPrice, String status,
                             BigDecimal filledQty, BigDecimal filledAvgPrice, Instant submittedAt, Instant updatedAt,
                             Instant filledAt, Instant canceledAt, Instant expiredAt, Instant expiresAt, long sequence) {

    /** Alpaca's open statuses; the simulator uses only {@code new} of them. */
    static final java.util.Set<String> OPEN = java.util.Set.of("new", "accepted", "pending_new", "partially_filled",
            "accepted_for_bidding", "pending_cancel", "pending_replace", "held", "calculated", "stopped", "suspended");

    public boolean open() {
        return OPEN.contains(status);
    }

    SimulatedOrder filled(BigDecimal fillQty, BigDecimal price, Instant at) {
        return new SimulatedOrder(id, clientOrderId, symbol, assetClass, side, type, timeInForce, qty, notional, limitPrice,
                "filled", fillQty, price, submittedAt, at, at, null, null, null, sequence);
    }

    SimulatedOrder canceled(Instant at) {
        return new SimulatedOrder(id, clientOrderId, symbol, assetClass, side, type, timeInForce, qty, notional, limitPrice,
                "canceled", filledQty, filledAvgPrice, submittedAt, at, null, at, null, null, sequence);
    }

    SimulatedOrder expired(Instant at) {
        return new SimulatedOrder(id, clientOrderId, symbol, assetClass, side, type, timeInForce, qty, notional, limitPrice,
                "expired", filledQty, filledAvgPrice, submittedAt, at, null, null, at, null, sequence);
    }

    SimulatedOrder expiringAt(Instant at) {
        return new SimulatedOrder(id, clientOrderId, symbol, assetClass, side, type, timeInForce, qty, notional, limitPrice,
                status, filledQty, filledAvgPrice, submittedAt, updatedAt, filledAt, canceledAt, expiredAt, at, sequence);
    }
}
