package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedAccountTest {

    private final SimulatedMarket market = new SimulatedMarket(7);
    private final SimulatedAccount account = new SimulatedAccount(market, new io.ztrade.market.NyseCalendar(), new BigDecimal("10000"),
            java.time.Clock.systemUTC());

    @Test
    void aBuyFillsAtTheSimulatedPriceAndMovesCashIntoThePosition() {
        double price = market.priceAt("TSLA", Instant.now());

        SimulatedOrder order = account.submit("zt-a-1", "TSLA", "buy", null, new BigDecimal("1000"), "day");

        assertThat(order.status()).isEqualTo("filled");
        assertThat(order.filledAvgPrice().doubleValue()).isCloseTo(price, org.assertj.core.data.Offset.offset(price * 0.01));
        assertThat(account.cash()).isEqualByComparingTo(new BigDecimal("9000.00"));
        assertThat(account.position("TSLA")).get().extracting(Holding::qty).isEqualTo(order.filledQty());
    }

    @Test
    void aClientOrderIdIsAcceptedOnlyOnce() {
        account.submit("zt-a-2", "TSLA", "buy", null, new BigDecimal("100"), "day");

        assertThatThrownBy(() -> account.submit("zt-a-2", "TSLA", "buy", null, new BigDecimal("100"), "day"))
                .isInstanceOf(OrderRefused.class).hasMessage("client_order_id must be unique");
        assertThat(account.cash()).isEqualByComparingTo(new BigDecimal("9900.00"));
    }

    @Test
    void aBuyBeyondTheCashIsRefusedLikeAlpaca() {
        assertThatThrownBy(() -> account.submit("zt-a-3", "TSLA", "buy", null, new BigDecimal("10000.01"), "day"))
                .isInstanceOf(OrderRefused.class).hasMessage("insufficient buying power");
        assertThat(account.order("zt-a-3")).isEmpty();
    }

    @Test
    void cryptoCannotBeSoldShort() {
        assertThatThrownBy(() -> account.submit("zt-a-4", "BTC/USD", "sell", new BigDecimal("0.1"), null, "gtc"))
                .isInstanceOf(OrderRefused.class).hasMessageContaining("insufficient balance for BTCUSD");
    }

    @Test
    void theSameSeedGivesTheSamePrices() {
        Instant at = Instant.now().minusSeconds(3600);
        assertThat(new SimulatedMarket(7).priceAt("IWM", at)).isEqualTo(market.priceAt("IWM", at));
        assertThat(new SimulatedMarket(8).priceAt("IWM", at)).isNotEqualTo(market.priceAt("IWM", at));
    }
}
