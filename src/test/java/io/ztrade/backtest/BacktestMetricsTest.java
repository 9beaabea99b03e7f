package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import io.ztrade.market.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every figure of the report against values worked out by hand (the working is in the comments). */
class BacktestMetricsTest {

    // mean 0.005; deviations .005 -.025 .025 -.005 -> squares sum 0.0013, / 3 = 4.3333e-4, stdev 0.0208167
    static final double[] RETURNS = {0.01, -0.02, 0.03, 0.00};

    @Test
    void sharpeIsMeanOverSampleStdevTimesRootOfPeriodsPerYear() {
        // 0.005 / 0.0208167 = 0.240192; x sqrt(252) = 15.874508 -> 3.812932
        assertThat(BacktestMetrics.sharpe(RETURNS, 252)).isCloseTo(3.812932, within(1e-5));
        assertThat(BacktestMetrics.sharpe(new double[] {0.01, 0.01}, 252)).as("no variation").isNull();
    }

    @Test
    void sortinoDividesByTheDownsideDeviationOverAllReturns() {
        // downside squares: 0.0004; / 4 returns = 0.0001; sqrt = 0.01; 0.005 / 0.01 x 15.874508 = 7.937254
        assertThat(BacktestMetrics.sortino(RETURNS, 252)).isCloseTo(7.937254, within(1e-5));
        assertThat(BacktestMetrics.sortino(new double[] {0.01, 0.02}, 252)).as("no losing period").isNull();
    }

    @Test
    void annualisedReturnCompoundsOverTheYearFractionReplayed() {
        // 21% over two years of trading days: 1.21^(252/504) - 1 = 10%
        assertThat(BacktestMetrics.annualized(100, 121, 504, 252)).isCloseTo(0.10, within(1e-12));
        // 1% over 63 days (a quarter): 1.01^4 - 1 = 4.060401%
        assertThat(BacktestMetrics.annualized(100, 101, 63, 252)).isCloseTo(0.04060401, within(1e-12));
        // fees can take a long-only account below 0: all lost, not NaN (JSON cannot carry NaN)
        assertThat(BacktestMetrics.annualized(1000, -50, 5, 252)).isEqualTo(-1);
        assertThat(BacktestMetrics.annualized(1000, 0, 5, 252)).isEqualTo(-1);
    }

    @Test
    void maxDrawdownIsTheDeepestFallFromARunningPeakWithItsDates() {
        List<Instant> t = times(6);
        // peak 120 (t1), trough 90 (t2): 1 - 90/120 = 25%; 130 at t4 regains the peak; 117/130 is only 10%
        BacktestMetrics.Drawdown dd = BacktestMetrics.drawdown(t, new double[] {100, 120, 90, 110, 130, 117});
        assertThat(dd.max()).isCloseTo(0.25, within(1e-12));
        assertThat(dd.peak()).isEqualTo(t.get(1));
        assertThat(dd.trough()).isEqualTo(t.get(2));
        assertThat(dd.recovery()).isEqualTo(t.get(4));
        assertThat(dd.series()[5]).isCloseTo(0.1, within(1e-12));

        BacktestMetrics.Drawdown never = BacktestMetrics.drawdown(t, new double[] {100, 90, 80, 85, 95, 99});
        assertThat(never.max()).isCloseTo(0.2, within(1e-12));
        assertThat(never.recovery()).isNull();
    }

    @Test
    void aClosingTradeWinsWhenItBeatsTheAverageCostIncludingFees() {
        Instant t = Instant.parse("2025-03-03T15:00:00Z");
        List<PaperBroker.Fill> fills = List.of(
                // 10 at 100 plus a $1 fee: cost 1001, average 100.1
                new PaperBroker.Fill(t, "a", OrderSide.BUY, 10, 100, 100, 1),
                // 5 x (110 - 100.1) - 1 = +48.5: a win
                new PaperBroker.Fill(t, "b", OrderSide.SELL, 5, 110, 110, 1),
                // 5 x (100 - 100.1) - 1 = -1.5: a loss, though sold at the buy price
                new PaperBroker.Fill(t, "c", OrderSide.SELL, 5, 100, 100, 1),
                // nothing held: not a closing trade
                new PaperBroker.Fill(t, "d", OrderSide.SELL, 5, 100, 100, 1));
        BacktestMetrics.Wins wins = BacktestMetrics.wins(fills);
        assertThat(wins.closingTrades()).isEqualTo(2);
        assertThat(wins.rate()).isEqualTo(0.5);
        assertThat(BacktestMetrics.wins(List.of()).rate()).isNull();
    }

    @Test
    void closedTradesCarryTheAverageCostAndTheAveragePurchaseTime() {
        Instant t0 = Instant.parse("2025-03-03T15:00:00Z");
        List<PaperBroker.Fill> fills = List.of(
                // 10 at 100 + $1 (t0) and 10 at 110 + $1 (t0 + 2h): cost 2102, average 105.1, bought on average t0 + 1h
                new PaperBroker.Fill(t0, "a", OrderSide.BUY, 10, 100, 100, 1),
                new PaperBroker.Fill(t0.plusSeconds(2 * 3600), "b", OrderSide.BUY, 10, 110, 110, 1),
                // 10 x (104 - 105.1) - 1 = -12, held 5h - 1h = 4h
                new PaperBroker.Fill(t0.plusSeconds(5 * 3600), "c", OrderSide.SELL, 10, 104, 104, 1),
                // the other 10 keep the average: 10 x (103 - 105.1) - 1 = -22, held 7h
                new PaperBroker.Fill(t0.plusSeconds(8 * 3600), "d", OrderSide.SELL, 10, 103, 103, 1),
                // 5 x (120 - 100) = +100, held 3h
                new PaperBroker.Fill(t0.plusSeconds(24 * 3600), "e", OrderSide.BUY, 5, 100, 100, 0),
                new PaperBroker.Fill(t0.plusSeconds(27 * 3600), "f", OrderSide.SELL, 5, 120, 120, 0));
        List<BacktestMetrics.ClosedTrade> trades = BacktestMetrics.closedTrades(fills);
        assertThat(trades).hasSize(3);
        assertThat(trades.get(0).pnl()).isCloseTo(-12, within(1e-9));
        assertThat(trades.get(1).pnl()).isCloseTo(-22, within(1e-9));
        assertThat(trades.get(2).pnl()).isCloseTo(100, within(1e-9));
        assertThat(trades).extracting(BacktestMetrics.ClosedTrade::qty).containsExactly(10.0, 10.0, 5.0);
        assertThat(trades).extracting(BacktestMetrics.ClosedTrade::holding)
                .containsExactly(Duration.ofHours(4), Duration.ofHours(7), Duration.ofHours(3));
        // (4 + 7 + 3) / 3 = 4h40m
        assertThat(BacktestMetrics.averageHoldingTime(trades)).isEqualTo(Duration.ofMinutes(280));
        assertThat(BacktestMetrics.averageHoldingTime(List.of())).isNull();
    }

    @Test
    void profitFactorIsGrossProfitOverGrossLoss() {
        // 100 / (12 + 22) = 2.9411765
        assertThat(BacktestMetrics.profitFactor(new double[] {-12, -22, 100})).isCloseTo(2.9411765, within(1e-7));
        assertThat(BacktestMetrics.profitFactor(new double[] {5, 0})).as("no losing trade").isNull();
    }

    @Test
    void expectancyIsTheAveragePnlPerTrade() {
        // (-12 - 22 + 100) / 3 = 22 = win rate 1/3 x 100 - loss rate 2/3 x 17
        assertThat(BacktestMetrics.expectancy(new double[] {-12, -22, 100})).isCloseTo(22, within(1e-12));
        assertThat(BacktestMetrics.expectancy(new double[0])).isNull();
    }

    @Test
    void maxConsecutiveLossesCountsTheLongestLosingRun() {
        // runs of losses: -1 -2 (2), broken by 0; -3 -4 -5 (3)
        assertThat(BacktestMetrics.maxConsecutiveLosses(new double[] {5, -1, -2, 0, -3, -4, -5, 2})).isEqualTo(3);
        assertThat(BacktestMetrics.maxConsecutiveLosses(new double[] {1, 2})).isZero();
    }

    @Test
    void calmarIsTheAnnualisedReturnOverTheMaxDrawdown() {
        // 10% a year over a 25% drawdown = 0.4
        assertThat(BacktestMetrics.calmar(0.10, 0.25)).isCloseTo(0.4, within(1e-12));
        assertThat(BacktestMetrics.calmar(0.10, 0)).as("no drawdown").isNull();
    }

    @Test
    void dailyClosesTakeTheLastValueOfEachNewYorkDay() {
        // 20:59 and 21:01 UTC on 3 March are 15:59 and 16:01 in New York, the same day; 05:00 UTC on the 4th is the 4th
        List<Instant> t = List.of(Instant.parse("2025-03-03T20:59:00Z"), Instant.parse("2025-03-03T21:01:00Z"),
                Instant.parse("2025-03-04T15:00:00Z"));
        assertThat(BacktestMetrics.dailyCloses(100, t, new double[] {101, 102, 99})).containsExactly(100, 102, 99);
        double[] r = BacktestMetrics.returns(new double[] {100, 102, 99});
        assertThat(r).hasSize(2);
        assertThat(r[0]).isCloseTo(0.02, within(1e-12));
        assertThat(r[1]).isCloseTo(-0.0294117647, within(1e-9));
    }

    @Test
    void feesAndSlippageMoveTheFillAgainstTheOrder() {
        FillModel model = new FillModel(1, 5, 10);
        // 10 bps: a buy pays 200 x 1.001, a sell gets 200 x 0.999; commission $1 + 5 bps of $1000 = $1.50
        assertThat(model.fillPrice(true, 200)).isCloseTo(200.2, within(1e-9));
        assertThat(model.fillPrice(false, 200)).isCloseTo(199.8, within(1e-9));
        assertThat(model.commission(1000)).isCloseTo(1.5, within(1e-12));
        assertThatThrownBy(() -> new FillModel(0, -1, 0)).hasMessageContaining("must not be negative");
        // a sell at 100% slippage or more gets nothing or pays to sell; an infinite fee makes every figure NaN
        assertThatThrownBy(() -> new FillModel(0, 0, 10_000)).hasMessageContaining("slippage below 10000 bps");
        assertThatThrownBy(() -> new FillModel(Double.POSITIVE_INFINITY, 0, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new FillModel(0, Double.POSITIVE_INFINITY, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ReplayRequest("agent_x", Map.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), null,
                null, null, model, Double.POSITIVE_INFINITY, null, false))
                .as("JSON's 1e400 is Infinity").hasMessageContaining("starting cash must be a positive number");
    }

    @Test
    void thePaperBrokerChargesSlippageAndCommissionOnAFill() {
        ReplayClock clock = new ReplayClock();
        Instant t0 = Instant.parse("2025-03-03T14:30:00Z");
        PriceHistory history = new PriceHistory("TSLA", Duration.ofMinutes(5), List.of(new Bar(t0, 100, 100, 100, 100, 1)));
        clock.set(t0.plus(Duration.ofMinutes(5)));
        PaperBroker broker = new PaperBroker("TSLA", 10_000, history, clock, new FillModel(1, 5, 10));

        broker.submit(new OrderRequest("TSLA", OrderSide.BUY, null, new BigDecimal("1000"), "day", "zt-1"));

        // fill 100 x 1.001 = 100.1; qty 1000 / 100.1 = 9.99001; fee 1 + 0.5; cash 10000 - 1000 - 1.5 = 8998.5
        PaperBroker.Fill fill = broker.fills().get(0);
        assertThat(fill.fillPrice()).isCloseTo(100.1, within(1e-9));
        assertThat(fill.qty()).isCloseTo(9.99000999, within(1e-8));
        assertThat(fill.fee()).isCloseTo(1.5, within(1e-12));
        assertThat(fill.slippageCost()).isCloseTo(9.99000999 * 0.1, within(1e-8));
        assertThat(broker.cash()).isCloseTo(8998.5, within(1e-9));
        // marked at 100: 8998.5 + 999.000999
        assertThat(broker.equity()).isCloseTo(9997.500999, within(1e-6));
        // the same client order id is not filled twice
        broker.submit(new OrderRequest("TSLA", OrderSide.BUY, null, new BigDecimal("1000"), "day", "zt-1"));
        assertThat(broker.fills()).hasSize(1);
    }

    @Test
    void thePaperBrokerRejectsAnOrderItCannotFillAtAFiniteQuantity() {
        ReplayClock clock = new ReplayClock();
        Instant t0 = Instant.parse("2025-03-03T14:30:00Z");
        // a bars file's price above 0 but so small that $1000 buys infinitely many: it failed the whole backtest with
        // BigDecimal's "Character I is neither a decimal digit", and a sell of them made the cash NaN
        PriceHistory history = new PriceHistory("TSLA", Duration.ofMinutes(5), List.of(new Bar(t0, 5e-324, 5e-324, 5e-324, 5e-324, 1)));
        clock.set(t0.plus(Duration.ofMinutes(5)));
        PaperBroker broker = new PaperBroker("TSLA", 10_000, history, clock, new FillModel(0, 0, 0));

        for (OrderSide side : OrderSide.values()) {
            OrderAck ack = broker.submit(new OrderRequest("TSLA", side, null, new BigDecimal("1000"), "day", "zt-" + side));
            assertThat(ack.state()).isEqualTo(OrderAck.State.REJECTED);
            assertThat(ack.message()).contains("no finite quantity");
        }
        assertThat(broker.fills()).isEmpty();
        assertThat(broker.cash()).isEqualTo(10_000);
    }

    private static List<Instant> times(int n) {
        Instant t0 = Instant.parse("2025-03-03T15:00:00Z");
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> t0.plus(Duration.ofDays(i))).toList();
    }
}
