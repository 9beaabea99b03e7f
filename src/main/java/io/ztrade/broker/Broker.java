package io.ztrade.broker;

import java.util.Optional;

/** Orders, account and positions at the broker (Alpaca, or the simulator speaking Alpaca's API). */
public interface Broker {

    /**
     * Submits one order. An order whose client order id the broker already has is not placed again: the
     * existing order is returned.
     */
    OrderAck submit(OrderRequest order);

    Optional<OrderAck> findByClientOrderId(String clientOrderId);

    /**
     * The broker's order under this request's client order id, when there is one and it is this request's order.
     *
     * @throws ClientOrderIdCollisionException when the order there has another symbol, side or size
     */
    Optional<OrderAck> findOrder(OrderRequest order);

    Account account();

    /** Empty when flat. */
    Optional<Position> position(String symbol);
}
