package io.ztrade.broker;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the broker said about an order.
 *
 * @param brokerStatus Alpaca's own status word (new, accepted, filled, rejected, ...)
 * @param state        what it means for the run
 * @param message      the broker's message on a rejection, else null
 */
public record OrderAck(String clientOrderId, String brokerOrderId, String side, String brokerStatus, State state,
                       BigDecimal filledQty, BigDecimal filledAvgPrice, Instant submittedAt, String message) {

    public enum State {
        SUBMITTED, FILLED, REJECTED
    }

    public static State stateOf(String alpacaStatus) {
        return switch (alpacaStatus) {
            case "filled" -> State.FILLED;
            case "rejected", "canceled", "expired" -> State.REJECTED;
            default -> State.SUBMITTED;
        };
    }
}
