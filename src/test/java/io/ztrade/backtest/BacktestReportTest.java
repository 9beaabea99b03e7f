package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.TestAgents;
import io.ztrade.broker.OrderSide;
import io.ztrade.market.Bar;
import io.ztrade.sentiment.SentimentReading;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A report from a replay result made by hand: five runs on five New York days, $10,000 of cash, an agent capped at
 * $1,000 of position that buys 5 at 100 on day 2 and sells them at 110 on day 4 while the price goes 100 -> 120.
 */
class BacktestReportTest {

    static final Instant T1 = Instant.parse("2025-03-03T15:00:00Z");
    static final List<Instant> T = List.of(T1, T1.plus(Duration.ofDays(1)), T1.plus(Duration.ofDays(2)),
            T1.plus(Duration.ofDays(3)), T1.plus(Duration.ofDays(4)));
    static final FillModel FILLS = new FillModel(0, 0, 5);

    static final ReplayResult RESULT = new ReplayResult(agent(), 10_000, List.of(),
            List.of(new ReplayResult.EquityPoint(T.get(0), 10_000, 100, 0),
                    new ReplayResult.EquityPoint(T.get(1), 10_000, 100, 5),
                    new ReplayResult.EquityPoint(T.get(2), 10_050, 110, 5),
                    new ReplayResult.EquityPoint(T.get(3), 10_050, 110, 0),
                    new ReplayResult.EquityPoint(T.get(4), 10_050, 120, 0)),
            List.of(new PaperBroker.Fill(T.get(1), "b", OrderSide.BUY, 5, 100, 100, 0),
                    new PaperBroker.Fill(T.get(3), "s", OrderSide.SELL, 5, 110, 110, 0)),
            1_000_000_000L, Map.of(RunStatus.FILLED, 2, RunStatus.HOLD, 3), 5, List.of());

    @Test
    void theBenchmarkBuysAndHoldsTheAgentsMaximumPositionNotTheWholeAccount() {
        BacktestReport r = report(Map.of());
        // min(cash 10,000, maxPositionValue 1,000) = 1,000 in the symbol: 1,000 x (120/100 - 1) = 200 on 10,000 = 2%
        assertThat(r.benchmarkCapital()).isEqualTo(1_000);
        assertThat(r.benchmarkReturn()).isCloseTo(0.02, within(1e-12));
        assertThat(r.priceReturn()).isCloseTo(0.20, within(1e-12));
        // the strategy: 10,050 / 10,000 - 1 = 0.5%
        assertThat(r.totalReturn()).isCloseTo(0.005, within(1e-12));
        // the curve's buy and hold on day 3: 10,000 + 1,000 x (110/100 - 1) = 10,100
        assertThat(r.curve().get(2).buyAndHold()).isCloseTo(10_100, within(1e-9));
    }

    @Test
    void theReportShowsTheCapitalDeployed() {
        BacktestReport r = report(Map.of());
        // position values after each run: 0, 5 x 100, 5 x 110, 0, 0 -> mean 1,050 / 5 = 210, max 550
        assertThat(r.averageDeployed()).isCloseTo(210, within(1e-9));
        assertThat(r.maxDeployed()).isCloseTo(550, within(1e-9));
        assertThat(r.exposure()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void theTradeFiguresComeFromTheClosedTrades() {
        BacktestReport r = report(Map.of());
        // one closing trade, 5 x (110 - 100) = +50, held 2 days = 2,880 minutes; no loss: no profit factor
        assertThat(r.closingTrades()).isEqualTo(1);
        assertThat(r.expectancy()).isCloseTo(50, within(1e-9));
        assertThat(r.profitFactor()).isNull();
        assertThat(r.maxConsecutiveLosses()).isZero();
        assertThat(r.averageHoldingMinutes()).isCloseTo(2880, within(1e-9));
        assertThat(r.calmar()).as("no drawdown").isNull();
        // daily returns 0, 0, 0.005, 0, 0: mean 0.001, sample stdev sqrt(20e-6 / 4) = 0.0022361, SR 0.4472136;
        // skewness 5/12 x sum z^3 (4 x -0.0894427 + 5.7243340) = 2.2360680, kurtosis 30/24 x 10.4 - 8 + 3 = 8;
        // 1 - 2.2360680 x 0.4472136 + 7/4 x 0.2 = 0.35; z = 0.4472136 x 2 / sqrt(0.35) = 1.5118579, Φ = 0.9347150
        assertThat(r.probabilisticSharpe()).isCloseTo(0.9347150, within(1e-6));
    }

    @Test
    void theTradesAreMarkedWithTheEquityAfterTheirRun() {
        assertThat(report(Map.of()).tradeMarks()).containsExactly(
                new BacktestReport.TradeMark(T.get(1), OrderSide.BUY, 5, 100, 10_000.0),
                new BacktestReport.TradeMark(T.get(3), OrderSide.SELL, 5, 110, 10_050.0));
    }

    @Test
    void withoutSentimentTheReportSaysTheReplayLeftOutTheSentimentWeight() {
        BacktestReport.ReplayInputs inputs = report(Map.of()).inputs();
        assertThat(inputs.sentiment()).isEqualTo("none");
        assertThat(inputs.sentimentCoverage()).isZero();
        // the agent's sentimentWeight 0.6, none of it available: 0.6 of the live decision left out
        assertThat(inputs.sentimentWeight()).isEqualTo(0.6);
        assertThat(inputs.decisionWeightLeftOut()).isCloseTo(0.6, within(1e-12));
        assertThat(inputs.fills()).isEqualTo(FILLS);
    }

    @Test
    void withRecordedSentimentTheReportCountsTheRunsThatHadAReading() {
        SentimentReading reading = new SentimentReading(0.5, 0.8, List.of("alphavantage"), 3, null);
        // readings at day 1's run and 30 minutes before day 2's (within the 60-minute max age); one 2 hours before
        // day 4's is too old: 2 of 5 runs covered, 0.6 x (1 - 0.4) = 0.36 left out
        BacktestReport.ReplayInputs inputs = report(Map.of(T.get(0), reading, T.get(1).minus(Duration.ofMinutes(30)), reading,
                T.get(3).minus(Duration.ofHours(2)), reading)).inputs();
        assertThat(inputs.sentiment()).isEqualTo("recorded");
        assertThat(inputs.sentimentReadings()).isEqualTo(3);
        assertThat(inputs.sentimentMaxAgeMinutes()).isEqualTo(60);
        assertThat(inputs.sentimentCoverage()).isCloseTo(0.4, within(1e-12));
        assertThat(inputs.decisionWeightLeftOut()).isCloseTo(0.36, within(1e-12));
    }

    @Test
    void theEquityChartMarksEachBuyAndSellAtTheEquityAfterIt() {
        XYChart chart = ReportFiles.equityChart(report(Map.of()));
        assertThat(chart.getSeriesMap()).containsKeys("strategy", "buy and hold $1000", "buys", "sells");
        XYSeries buys = chart.getSeriesMap().get("buys");
        assertThat(buys.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.Scatter);
        assertThat(buys.getXData()).containsExactly((double) T.get(1).toEpochMilli());
        assertThat(buys.getYData()).containsExactly(10_000.0);
        assertThat(chart.getSeriesMap().get("sells").getYData()).containsExactly(10_050.0);
    }

    @Test
    void theReportFileKeepsWhatTheReplayUsedAndTheTrades(@TempDir Path dir) {
        BacktestReport written = report(Map.of());
        ReportFiles.write(dir, written, RESULT.fills());
        BacktestReport read = ReportFiles.read(dir.resolve(ReportFiles.REPORT));
        assertThat(read.inputs()).isEqualTo(written.inputs());
        assertThat(read.tradeMarks()).isEqualTo(written.tradeMarks());
        assertThat(read.benchmarkReturn()).isEqualTo(written.benchmarkReturn());
        assertThat(read.averageHoldingMinutes()).isEqualTo(2880.0);
        assertThat(dir.resolve(ReportFiles.EQUITY_CHART)).isNotEmptyFile();
    }

    static BacktestReport report(Map<Instant, SentimentReading> sentiment) {
        PriceHistory history = new PriceHistory("TSLA", Duration.ofMinutes(5), List.of(new Bar(T1, 100, 100, 100, 100, 1)));
        ReplayRequest request = new ReplayRequest("agent_x", Map.of(), T1, T1.plus(Duration.ofDays(5)), history, sentiment,
                Duration.ofHours(1), FILLS, 10_000, T, false);
        return BacktestReport.of(request, "synthetic", RESULT);
    }

    private static AgentSettings agent() {
        Map<String, Object> p = TestAgents.defaults("TSLA", "us_equity");
        p.put("maxPositionValue", "1000");
        p.put("sentimentWeight", "0.6");
        p.put("technicalWeight", "0.4");
        return AgentSettings.fromParameters(p);
    }
}
