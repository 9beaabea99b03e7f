package io.ztrade.broker;

/**
 * The broker has an order under this run's client order id that is not this run's order (another symbol, side or
 * size): it is never recorded as the run's fill. The run fails at once, without redeliveries, and alerts.
 */
public class ClientOrderIdCollisionException extends RuntimeException {

    public static final String MESSAGE = "client order id collision";

    public ClientOrderIdCollisionException(OrderRequest ours, String brokerOrderId, String theirs) {
        super(MESSAGE + ": broker order " + brokerOrderId + " under " + ours.clientOrderId() + " is " + theirs
                + ", this run's order is " + describe(ours) + "; not recorded as this run's fill, check the broker's"
                + " orders for " + ours.clientOrderId());
    }

    static String describe(OrderRequest order) {
        return order.side().alpacaName() + " " + (order.qty() != null ? order.qty().toPlainString() + " " + order.symbol()
                : "$" + order.notional().toPlainString() + " of " + order.symbol());
    }
}
