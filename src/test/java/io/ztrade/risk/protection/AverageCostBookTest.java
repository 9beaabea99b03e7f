package io.ztrade.risk.protection;

import static io.ztrade.broker.OrderSide.BUY;
import static io.ztrade.broker.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Average-cost P&L, the figures every protection reads. */
class AverageCostBookTest {

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    static AverageCostBook book(Object... sideQtyPrice) {
        AverageCostBook book = AverageCostBook.FLAT;
        for (int i = 0; i < sideQtyPrice.length; i += 3) {
            book = book.after((OrderSide) sideQtyPrice[i], bd((String) sideQtyPrice[i + 1]), bd((String) sideQtyPrice[i + 2]));
        }
        return book;
    }

    @Test
    void buysAverageTheirCost() {
        AverageCostBook b = book(BUY, "10", "100", BUY, "30", "120");
        assertThat(b.qty()).isEqualByComparingTo("40");
        assertThat(b.averageCost()).isEqualByComparingTo("115");
        assertThat(b.realized()).isEqualByComparingTo("0");
        assertThat(b.unrealized(bd("110"))).isEqualByComparingTo("-200");
        assertThat(b.pnl(bd("125"))).isEqualByComparingTo("400");
    }

    @Test
    void aPartialSellRealizesItsShareAndKeepsTheAverageCost() {
        AverageCostBook b = book(BUY, "10", "100", BUY, "10", "120", SELL, "5", "130");
        assertThat(b.qty()).isEqualByComparingTo("15");
        assertThat(b.averageCost()).isEqualByComparingTo("110");
        assertThat(b.realized()).isEqualByComparingTo("100");
        assertThat(b.pnl(bd("110"))).isEqualByComparingTo("100");
    }

    @Test
    void aLosingSellRealizesALossAndALongIsFlatAfterSellingItAll() {
        AverageCostBook b = book(BUY, "4", "250", SELL, "4", "238.10");
        assertThat(b.qty()).isEqualByComparingTo("0");
        assertThat(b.averageCost()).isEqualByComparingTo("0");
        assertThat(b.realized()).isEqualByComparingTo("-47.60");
        assertThat(b.pnl(bd("1"))).as("nothing open: any mark").isEqualByComparingTo("-47.60");
    }

    @Test
    void aShortGainsWhenBoughtBackLowerAndLosesWhenHigher() {
        AverageCostBook shortBook = book(SELL, "10", "50");
        assertThat(shortBook.qty()).isEqualByComparingTo("-10");
        assertThat(shortBook.averageCost()).isEqualByComparingTo("50");
        assertThat(shortBook.unrealized(bd("55"))).isEqualByComparingTo("-50");
        assertThat(shortBook.reducedBy(BUY)).isTrue();
        assertThat(shortBook.reducedBy(SELL)).isFalse();
        assertThat(book(SELL, "10", "50", BUY, "4", "45").realized()).isEqualByComparingTo("20");
        assertThat(book(SELL, "10", "50", BUY, "10", "56").realized()).isEqualByComparingTo("-60");
    }

    @Test
    void aSellLargerThanTheLongClosesItAndOpensAShortAtTheFillPrice() {
        AverageCostBook b = book(BUY, "10", "100", SELL, "15", "90");
        assertThat(b.realized()).isEqualByComparingTo("-100");
        assertThat(b.qty()).isEqualByComparingTo("-5");
        assertThat(b.averageCost()).isEqualByComparingTo("90");
        assertThat(b.unrealized(bd("80"))).isEqualByComparingTo("50");
    }

    @Test
    void fractionalBitcoinKeepsItsDecimals() {
        // $1,000 of BTC at 61,234.56, then at 59,876.54, then half sold at 60,500.00
        AverageCostBook b = book(BUY, "0.016330", "61234.56", BUY, "0.016701", "59876.54", SELL, "0.0165155", "60500.00");
        BigDecimal cost = bd("0.016330").multiply(bd("61234.56")).add(bd("0.016701").multiply(bd("59876.54")));
        BigDecimal average = cost.divide(bd("0.033031"), java.math.MathContext.DECIMAL64);
        assertThat(b.averageCost()).isEqualByComparingTo(average);
        assertThat(b.qty()).isEqualByComparingTo("0.0165155");
        assertThat(b.realized()).isEqualByComparingTo(bd("60500.00").subtract(average).multiply(bd("0.0165155")));
        assertThat(b.realized().doubleValue()).as("about -$0.79").isCloseTo(-0.7915, org.assertj.core.data.Offset.offset(0.0001));
    }

    @Test
    void theCurveMarksEachAgentAtItsLatestFillAndNamesTheClosingTrades() {
        Instant t = Instant.parse("2026-11-25T15:00:00Z");
        List<Fill> fills = List.of(
                new Fill(t, "a", "TSLA", BUY, bd("10"), bd("100")),
                new Fill(t.plusSeconds(60), "b", "IWM", BUY, bd("5"), bd("200")),
                new Fill(t.plusSeconds(120), "a", "TSLA", SELL, bd("4"), bd("90")),
                new Fill(t.plusSeconds(180), "b", "IWM", BUY, bd("5"), bd("220")));
        PnlCurve curve = PnlCurve.of(fills, t.plusSeconds(180));
        assertThat(curve.steps()).extracting(PnlCurve.Step::closing).containsExactly(false, false, true, false);
        assertThat(curve.steps()).extracting(s -> s.pnl().doubleValue()).containsExactly(0.0, 0.0, -100.0, 0.0);
        // a: realized -40, 6 left at 100 marked 90 (-60); b: 10 at 210 marked 220 (+100)
        assertThat(curve.steps().get(3).pnl()).isEqualByComparingTo("0");
        // marked now: a -40 + 6 x (95 - 100) = -70, b 10 x (230 - 210) = 200
        assertThat(curve.pnl(Map.of("a", bd("95"), "b", bd("230")))).isEqualByComparingTo("130");
        assertThat(curve.openAgents()).containsExactly("a", "b");
        assertThat(PnlCurve.of(fills, t.plusSeconds(119)).steps()).as("only fills up to the instant").hasSize(2);

        // a backtest's curve, grown fill by fill, answers every instant as the walk over all fills does
        PnlCurve.Builder grown = new PnlCurve.Builder();
        fills.forEach(grown::add);
        for (int s = -1; s <= 200; s += 30) {
            Instant until = t.plusSeconds(s);
            PnlCurve walked = PnlCurve.of(fills, until);
            PnlCurve view = grown.upTo(until);
            assertThat(view.steps()).isEqualTo(walked.steps());
            assertThat(view.pnl(Map.of("a", bd("95")))).isEqualByComparingTo(walked.pnl(Map.of("a", bd("95"))));
            assertThat(view.openAgents()).isEqualTo(walked.openAgents());
        }
        assertThatThrownBy(() -> grown.add(new Fill(t, "a", "TSLA", BUY, bd("1"), bd("1")))).hasMessageContaining("time order");
    }

    @Test
    void aFillWithoutAQuantityOrPriceIsRefused() {
        assertThatThrownBy(() -> new Fill(Instant.EPOCH, "a", "TSLA", BUY, bd("0"), bd("1")))
                .hasMessageContaining("positive qty and price");
    }
}
