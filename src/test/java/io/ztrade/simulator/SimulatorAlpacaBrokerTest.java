package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.broker.Account;
import io.ztrade.broker.AlpacaBroker;
import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The app's own Alpaca client, unchanged, against the simulator's trading API over HTTP. */
class SimulatorAlpacaBrokerTest extends SimulatorApiSupport {

    @Autowired
    AlpacaBroker broker;

    @Test
    void theAlpacaClientPlacesFindsAndReadsBackAnOrderAndItsPosition() {
        String symbol = uniqueSymbol("ZK");
        OrderRequest request = new OrderRequest(symbol, OrderSide.BUY, new BigDecimal("4"), null, "day", clientId("broker"));
        Account before = broker.account();

        OrderAck ack = broker.submit(request);

        assertThat(ack.state()).isEqualTo(OrderAck.State.FILLED);
        assertThat(ack.filledQty()).isEqualByComparingTo("4");
        assertThat(ack.brokerOrderId()).isNotBlank();
        assertThat(broker.findByClientOrderId(request.clientOrderId())).get().extracting(OrderAck::brokerOrderId)
                .isEqualTo(ack.brokerOrderId());
        assertThat(broker.findOrder(request)).get().extracting(OrderAck::state).isEqualTo(OrderAck.State.FILLED);
        Position position = broker.position(symbol).orElseThrow();
        assertThat(position.qty()).isEqualByComparingTo("4");
        assertThat(position.avgEntryPrice()).isEqualByComparingTo(ack.filledAvgPrice());
        Account after = broker.account();
        assertThat(after.cash()).isLessThan(before.cash());
        // sending the same order again reports the existing one instead of placing another
        assertThat(broker.submit(request).brokerOrderId()).isEqualTo(ack.brokerOrderId());
        assertThat(broker.position(symbol).orElseThrow().qty()).isEqualByComparingTo("4");
    }

    @Test
    void theAlpacaClientReadsACryptoPositionByItsPairName() {
        OrderRequest request = new OrderRequest("ETH/USD", OrderSide.BUY, null, new BigDecimal("3"), "gtc", clientId("eth"));

        assertThat(broker.submit(request).state()).isEqualTo(OrderAck.State.FILLED);

        assertThat(broker.position("ETH/USD")).get().extracting(Position::qty).satisfies(q -> assertThat(q).isPositive());
    }
}
