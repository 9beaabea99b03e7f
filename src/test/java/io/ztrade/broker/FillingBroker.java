package io.ztrade.broker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A broker stub for placement tests: fills every order at once and keeps what was sent; knows no earlier orders. */
public class FillingBroker implements Broker {

    /** The orders submitted, in order (safe to read from another thread). */
    public final List<OrderRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public OrderAck submit(OrderRequest order) {
        sent.add(order);
        return new OrderAck(order.clientOrderId(), "id-1", "buy", "filled", OrderAck.State.FILLED, BigDecimal.ONE,
                BigDecimal.TEN, Instant.now(), null);
    }

    @Override
    public Optional<OrderAck> findByClientOrderId(String clientOrderId) {
        return Optional.empty();
    }

    @Override
    public Optional<OrderAck> findOrder(OrderRequest order) {
        return Optional.empty();
    }

    @Override
    public Account account() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Position> position(String symbol) {
        return Optional.empty();
    }
}
