package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.TestClock;
import io.ztrade.market.NyseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account's order book and positions with prices and time under the test's control: open limit orders, their
 * fills, day-order expiry at the NYSE close, and the entry price across reductions and flips.
 */
class SimulatedOrderBookTest {

    /** Wednesday 2026-11-25, 10:00 in New York (the day before Thanksgiving). */
    private static final Instant WEDNESDAY_10_00 = Instant.parse("2026-11-25T15:00:00Z");

    private final Map<String, Double> prices = new HashMap<>();
    private final SimulatedMarket market = new SimulatedMarket(1) {
        @Override
        public double priceAt(String symbol, Instant at) {
            return prices.getOrDefault(symbol, 100.0);
        }
    };
    private final TestClock clock = new TestClock(WEDNESDAY_10_00);
    private final SimulatedAccount account = new SimulatedAccount(market, new NyseCalendar(), new BigDecimal("10000"), clock);

    @Test
    void coveringPartOfAShortKeepsItsEntryPrice() {
        account.submit(ticket("c1", "ZQA", "sell", "market", "day", "10", null));
        prices.put("ZQA", 90.0);
        account.submit(ticket("c2", "ZQA", "buy", "market", "day", "5", null));

        Holding short5 = account.position("ZQA").orElseThrow();
        assertThat(short5.qty()).isEqualByComparingTo("-5");
        // the old arithmetic gave (-1000 + 450) / -5 = 110
        assertThat(short5.avgEntryPrice()).isEqualByComparingTo("100");
        assertThat(account.cash()).isEqualByComparingTo("10550.00");
    }

    @Test
    void sellingPastALongOpensAShortAtTheFillPrice() {
        account.submit(ticket("f1", "ZQB", "buy", "market", "day", "1", null));
        prices.put("ZQB", 120.0);
        account.submit(ticket("f2", "ZQB", "sell", "market", "day", "3", null));

        Holding flipped = account.position("ZQB").orElseThrow();
        assertThat(flipped.qty()).isEqualByComparingTo("-2");
        assertThat(flipped.avgEntryPrice()).isEqualByComparingTo("120");
    }

    @Test
    void aLimitOrderStaysOpenUntilThePriceReachesItThenFillsAtTheLimit() {
        SimulatedOrder open = account.submit(ticket("l1", "ZQC", "buy", "limit", "gtc", "10", "95"));
        assertThat(open.status()).isEqualTo("new");
        assertThat(account.buyingPower()).isEqualByComparingTo("9050.00");
        prices.put("ZQC", 96.0);
        clock.at(WEDNESDAY_10_00.plusSeconds(60));
        assertThat(account.orderById(open.id())).get().extracting(SimulatedOrder::status).isEqualTo("new");

        prices.put("ZQC", 94.0);
        clock.at(WEDNESDAY_10_00.plusSeconds(120));

        SimulatedOrder filled = account.orderById(open.id()).orElseThrow();
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAvgPrice()).isEqualByComparingTo("95");
        assertThat(filled.filledAt()).isEqualTo(WEDNESDAY_10_00.plusSeconds(120));
        assertThat(account.cash()).isEqualByComparingTo("9050.00");
        assertThat(account.buyingPower()).isEqualByComparingTo("9050.00");
        assertThat(account.position("ZQC")).get().extracting(Holding::qty).isEqualTo(new BigDecimal("10"));
    }

    @Test
    void aDayOrderExpiresAtTheCloseAndAGoodTillCanceledOneDoesNot() {
        SimulatedOrder day = account.submit(ticket("d1", "ZQD", "buy", "limit", "day", "1", "50"));
        SimulatedOrder gtc = account.submit(ticket("d2", "ZQD", "buy", "limit", "gtc", "1", "50"));
        clock.at(Instant.parse("2026-11-25T20:59:59Z"));
        assertThat(account.orderById(day.id())).get().extracting(SimulatedOrder::status).isEqualTo("new");

        clock.at(Instant.parse("2026-11-27T12:00:00Z"));

        SimulatedOrder expired = account.orderById(day.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo("expired");
        // 16:00 New York on Wednesday, the session the order was placed in
        assertThat(expired.expiredAt()).isEqualTo(Instant.parse("2026-11-25T21:00:00Z"));
        assertThat(account.orderById(gtc.id())).get().extracting(SimulatedOrder::status).isEqualTo("new");
        assertThatThrownBy(() -> account.cancel(day.id())).isInstanceOf(OrderRefused.class)
                .hasMessage("order is already in \"expired\" state");
    }

    @Test
    void aDayOrderPlacedAfterTheCloseBelongsToTheNextSession() {
        // Wednesday 18:00 New York; Thursday is Thanksgiving, Friday closes early at 13:00
        clock.at(Instant.parse("2026-11-25T23:00:00Z"));
        SimulatedOrder day = account.submit(ticket("n1", "ZQE", "buy", "limit", "day", "1", "50"));

        clock.at(Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(account.orderById(day.id()).orElseThrow().expiredAt()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
    }

    @Test
    void anOpenCryptoSellHoldsItsCoinsSoTheyCannotBeSoldTwice() {
        account.submit(ticket("s1", "BTC/USD", "buy", "market", "gtc", "0.05", null));
        account.submit(ticket("s2", "BTC/USD", "sell", "limit", "gtc", "0.05", "1000"));
        assertThat(account.available("BTCUSD")).isEqualByComparingTo("0");

        assertThatThrownBy(() -> account.submit(ticket("s3", "BTC/USD", "sell", "market", "gtc", "0.01", null)))
                .isInstanceOf(OrderRefused.class).hasMessageContaining("insufficient balance for BTCUSD");
    }

    @Test
    void anOpenBuyHoldsBuyingPowerSoItCannotBeSpentTwice() {
        account.submit(ticket("b1", "ZQF", "buy", "limit", "gtc", "90", "99"));

        assertThatThrownBy(() -> account.submit(ticket("b2", "ZQF", "buy", "market", "day", "12", null)))
                .isInstanceOf(OrderRefused.class).hasMessage("insufficient buying power");
        assertThat(account.order("b2")).isEmpty();
    }

    private static OrderTicket ticket(String id, String symbol, String side, String type, String tif, String qty,
                                                  String limit) {
        return new OrderTicket(id, symbol, side, type, tif, new BigDecimal(qty), null,
                limit == null ? null : new BigDecimal(limit));
    }
}
